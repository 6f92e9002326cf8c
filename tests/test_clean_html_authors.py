"""Authors of HTML pages: bylines the metadata misses (pages written here)."""

from dateline.clean import clean_document

PARAS = "".join(
    f"<p>{s}</p>" for s in [
        "The regional water board in Kestrel Valley approved a plan on Monday to line the main "
        "irrigation canal, which loses about a third of its water to seepage each summer.",
        "Farmers who draw from the canal said the work must finish before the planting season, "
        "and the board promised to keep one channel open while the lining is laid.",
        "The plan is paid for by a regional grant and a small rise in the water levy for large "
        "users, a rise the farmers' union said it would accept if the work runs on time.",
    ])


def page(header: str = "", head: str = "", body_class: str = "", after: str = "") -> str:
    return (f"<html><head><title>Canal to be lined | Kestrel Ledger</title>"
            f"<meta property='og:site_name' content='Kestrel Ledger'>{head}</head><body class='{body_class}'>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Canal to be lined before planting</h1>{header}"
            f"{PARAS}</article>{after}</body></html>")


def authors(html: str) -> list[str]:
    return clean_document(html, "html").authors


def test_template_classes_on_body_do_not_hide_the_byline():
    # "no-sidebar" on <body> describes the template, not a sidebar around the byline
    header = ("<div class='author-info'><div class='author-details'><span class='author-name'>Tamsin Oyelaran"
              "</span><span class='published-date'>July 3, 2025</span></div></div>")
    assert authors(page(header=header, body_class="single-post no-sidebar")) == ["Tamsin Oyelaran"]


def test_written_by_label_in_its_own_element():
    header = ("<div><p>Last updated</p><time>Aug 04, 2025</time></div>"
              "<div><p>Written by</p><p>Ruairi Castellanos</p></div><div>Table of contents</div>")
    assert authors(page(header=header)) == ["Ruairi Castellanos"]


def test_by_colon_byline_with_date():
    assert authors(page(header="<p>by: Ines Varga, Dec 17, 2025</p>")) == ["Ines Varga"]


def test_author_link_with_class():
    header = ("<div class='summary'><a href='/author/pell-obi/' class='the-author'><span>Pell Obi</span></a> | "
              "<span class='the-date'>May 22, 2025</span></div>")
    assert authors(page(header=header)) == ["Pell Obi"]


def test_citation_authors_written_surname_first():
    head = "".join(f"<meta name='citation_author' content='{n}'>" for n in ("Okafor, Adaeze", "Lindqvist, Britt"))
    assert authors(page(head=head)) == ["Adaeze Okafor", "Britt Lindqvist"]


def test_an_institution_in_the_byline_box_is_not_an_author():
    header = ("<div class='byline'><a href='/p/1'>Maren Solvik</a><a href='/edu'>Kestrel State University</a>"
              "</div>")
    assert authors(page(header=header)) == ["Maren Solvik"]


def test_name_standing_before_the_header_date():
    header = ("<div class='entry-meta'><ul><li><i class='icon-person'></i> Bence Halloran </li>"
              "<li><i class='icon-clock'></i> 02-12-2025</li></ul></div>")
    assert authors(page(header=header)) == ["Bence Halloran"]


def test_a_brand_before_the_header_date_is_no_author():
    # "Harbour Coffee" is a shop the article talks about: its words are the page's common words
    header = "<div class='post-meta'><span>Harbour Coffee</span> <span>August 28, 2024</span></div>"
    after = "<p>The harbour shop roasts its coffee on site.</p>"
    assert authors(page(header=header, after=after)) == []


def test_menu_links_and_byline_categories_are_not_authors():
    # a menu item whose class happens to hold "author" words, and a section link in the byline box
    menu = ("<div class='menu__submenu'><ul class='submenu'><li class='menu-item authorities-board-actions'>"
            "<a href='/board'>Authorities Governing Board Actions</a></li></ul></div>")
    header = ("<section class='byline'><span class='byline__category'><a href='/c/health'>Wellness Prevention</a>"
              "</span></section>")
    html = page(header=header).replace("<nav><a href='/'>Home</a></nav>", f"<nav>{menu}</nav>")
    assert authors(html) == []


def test_a_link_far_below_an_author_class_is_not_a_byline():
    deep = ("<div class='page-author-theme'><div><div><div><div><div><div><div><div><p>"
            "<a href='/search'>Search This Site</a></p></div></div></div></div></div></div></div></div></div>")
    assert authors(page(after=deep)) == []


def test_written_by_credit_in_an_author_box_after_the_article():
    box = ("<div class='bio-box'><p>Written by <a href='/team/cassia'>Cassia Moreau</a></p>"
           "<p>Cassia covers farming and water policy for the Ledger.</p></div>")
    assert authors(page(after=box)) == ["Cassia Moreau"]
    # two different credits on one page: no single author to name
    from dateline.clean.byline import written_by_credit
    from dateline.clean.page import parse_html

    other = box.replace("Cassia Moreau", "Tobiah Brandt")
    assert written_by_credit(parse_html(page(after=box))) == "Cassia Moreau"
    assert written_by_credit(parse_html(page(after=box + other))) is None


def test_a_section_or_place_label_before_the_date_is_no_author():
    for label in ("Middle East", "Hong Kong"):
        header = f"<div class='post-meta'><span>{label}</span> <span>March 3, 2024</span></div>"
        assert authors(page(header=header)) == [], label


def test_lower_case_by_opening_a_byline_line():
    assert authors(page(header="<p>by Oriel Santana on Jan 22, 2025</p>")) == ["Oriel Santana"]
    # "by" inside a sentence is no byline
    assert authors(page(header="<p>The plan was drafted by Oriel Santana and approved.</p>")) == []


def test_author_box_name_then_a_bio_that_starts_with_it():
    box = ("<div class='about'><h4>Imogen Falkner</h4><p>Imogen Falkner is a reporter who covers farming "
           "and rural affairs.</p></div>")
    assert authors(page(after=box)) == ["Imogen Falkner"]
    # a product heading followed by its definition is no author box
    product = "<h3>Proton Mail</h3><p>Proton Mail is an encrypted mail service; each mail is sealed.</p>"
    assert authors(page(after=product)) == []


def test_a_fact_checker_is_not_the_author():
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "Canal to be lined", '
            '"author": {"@type": "Person", "name": "The Ledger Explainers Team"}}</script>')
    header = ("<div class='attribution'><div class='attribution__item'><span>By</span>"
              "<a class='attribution__item-name author-link' href='/team'>The Ledger Explainers Team</a></div>"
              "<div class='attribution__item'><span class='attribution__item-descriptor author-label'>Fact checked by"
              "</span><a class='attribution__item-name author-link' href='/p/ria'>Ria Montfort</a></div></div>")
    assert authors(page(header=header, head=head)) == ["The Ledger Explainers Team"]


def test_a_sponsored_label_is_no_credit():
    header = "<div class='byline'><span class='author'>Sponsored</span></div>"
    assert authors(page(header=header)) == []


def test_a_section_of_the_publishers_host_is_still_the_publisher():
    head = '<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", "name": "Acme"}}</script>'
    html = page(head=head).replace("Kestrel Ledger", "Acme Resources")
    assert clean_document(html, "html", url="https://resources.acme.com/canal").authors == []


def test_co_authors_in_the_byline_beside_the_metadata_owner():
    head = "<meta name='author' content='Anneke van der Berg'>"
    header = ("<div class='hero-author'>Written by <span>Dr Anneke van der Berg</span>, <span>Tomas Quill</span>, "
              "<span>Ilse de Wit</span></div>")
    assert authors(page(header=header, head=head)) == ["Dr Anneke van der Berg", "Tomas Quill", "Ilse de Wit"]


def test_a_job_title_beside_the_name_is_not_a_co_author():
    header = "<div class='author-box'><span class='author-name'>Ines Varga</span><span>Senior Canal Reporter</span></div>"
    assert authors(page(header=header)) == ["Ines Varga"]


def test_name_closing_the_date_line_under_the_headline():
    assert authors(page(header="<p>2025-12-17 · Ruairi Castellanos</p>")) == ["Ruairi Castellanos"]


def test_a_date_inside_the_headline_is_not_the_byline_date():
    html = page(header="<p>Ruairi Castellanos</p><p><time>Dec 19, 2025</time> | 4 min read</p>")
    html = html.replace("Canal to be lined before planting", "Canal works update 12/19/2025")
    assert authors(html) == ["Ruairi Castellanos"]


def test_a_personal_site_named_after_its_owner_credits_the_owner():
    html = page(after="<footer><p>© 2025 Maren Solvik. All rights reserved.</p></footer>")
    assert clean_document(html, "html", url="https://marensolvik.net/notes/canal").authors == ["Maren Solvik"]


def test_a_masthead_name_matching_the_hosts_first_name():
    html = page().replace("<nav>", "<div class='site-title'>Maren Solvik</div><nav>")
    assert clean_document(html, "html", url="https://maren.example.dev/canal").authors == ["Maren Solvik"]


def test_a_business_named_like_a_person_is_no_owner():
    footer = "".join(f"<p>Call Bell Harlow today.</p>" for _ in range(4)) + "<p>© 2025 Bell Harlow</p>"
    html = page(after=f"<footer>{footer}</footer>")
    assert clean_document(html, "html", url="https://bellharlow.com/canal").authors == []


def test_article_written_by_label_over_a_name_with_credentials():
    after = "<div><p>Article written by:</p><p>Adaeze Okafor, MD, MPH</p><p>Article reviewed by:</p><p>Britt Lind</p></div>"
    assert authors(page(after=after)) == ["Adaeze Okafor"]


def test_about_the_author_box_after_the_article():
    after = ("<div><p>About the Author:</p><p>Tamsin Oyelaran is a water engineer who writes about rural "
             "infrastructure for the Ledger.</p></div>")
    assert authors(page(after=after)) == ["Tamsin Oyelaran"]


def test_name_under_the_headline_that_opens_the_closing_bio():
    header = "<p>Tamsin Oyelaran</p><p>Water &amp; Land</p>"
    after = "<p>Tamsin Oyelaran is a freelance writer covering farming in the north.</p>"
    assert authors(page(header=header, after=after)) == ["Tamsin Oyelaran"]


def test_a_bio_sentence_alone_is_no_credit():
    after = "<p>Kestrel Valley is a farming region of some forty thousand people.</p>"
    assert authors(page(after=after)) == []


def test_a_firm_with_its_legal_form_is_the_publisher_not_a_person():
    head = "<meta name='author' content='Harlow Orthodontics PLLC'>"
    html = page(head=head).replace("Kestrel Ledger", "Harlow Orthodontics PLLC")
    assert authors(html) == []


def test_a_country_in_the_byline_box_is_not_a_co_author():
    head = "<meta name='author' content='Adaeze Okafor'>"
    header = "<div class='author-list'><span>Adaeze Okafor</span><span>United Kingdom</span></div>"
    assert authors(page(header=header, head=head)) == ["Adaeze Okafor"]


def test_a_papers_author_list_with_affiliation_marks():
    head = "<meta name='citation_author' content='Okafor, Adaeze'>"
    header = ("<div class='authors-list'><span>Adaeze Okafor 1</span>; <span>Britt Lindqvist 2,3</span>; "
              "<span>Tomas Quill*</span></div>")
    assert authors(page(header=header, head=head)) == ["Adaeze Okafor", "Britt Lindqvist", "Tomas Quill"]


def test_a_brand_ending_in_a_digit_is_not_cut():
    header = "<div class='byline'><span class='author'>Kestrel9</span></div>"
    assert authors(page(header=header)) == []


def test_printed_byline_beats_a_cms_account_nobody_sees():
    head = "<meta name='author' content='Colm Deverill'>"
    assert authors(page(header="<p>By: Ines Varga</p>", head=head)) == ["Ines Varga"]


def test_metadata_author_shown_on_the_page_keeps_its_place():
    head = "<meta name='author' content='Colm Deverill'>"
    after = "<div class='bio'>Colm Deverill edits the Ledger's farming desk.</div>"
    assert authors(page(header="<p>By: Ines Varga</p>", head=head, after=after)) == ["Colm Deverill"]


def test_an_empty_by_label_over_a_fact_check_label_is_no_byline():
    head = "<meta name='author' content='Colm Deverill'>"
    assert authors(page(header="<p>By</p><p>Fact Checked</p>", head=head)) == ["Colm Deverill"]


def test_a_section_name_in_the_author_meta_is_not_an_author():
    assert authors(page(head="<meta name='author' content='Politics'>")) == []


def test_social_icon_labels_beside_the_name_are_dropped():
    header = ("<div class='byline'><span class='author'><a href='/p/ines'>Ines Varga</a> "
              "<a href='https://social.example/iv'>Twitter</a></span></div>")
    assert authors(page(header=header)) == ["Ines Varga"]
    assert authors(page(header="<div class='byline'><a class='author' href='/p/iv'>Ines Varga Twitter</a></div>")) \
        == ["Ines Varga"]
    assert authors(page(header="<div class='byline'><span class='author'>Twitter</span></div>")) == []


def test_ui_words_around_a_name_are_no_author():
    for text in ("Minutes Ago Ines Varga", "Email The Author"):
        assert authors(page(header=f"<div class='byline'><span class='author'>{text}</span></div>")) == []
    # the time after the name is cut, the name stays
    header = "<div class='byline'><span class='author'>Ines Varga 5 minutes ago</span></div>"
    assert authors(page(header=header)) == ["Ines Varga"]


def site_page(name: str, head: str, words: str = "") -> str:
    html = page(head=head, after=f"<p>{words}</p>").replace("Kestrel Ledger", name)
    return html


def test_a_business_named_like_a_person_is_the_publisher():
    head = "<meta name='author' content='Harbour Dental Care'>"
    html = site_page("Harbour Dental Care", head, "Book your dental check-up: our care team is here.")
    assert authors(html) == []


def test_a_personal_site_bears_its_authors_name():
    head = "<meta name='author' content='Karl Lindqvist'>"
    assert authors(site_page("Karl Lindqvist", head)) == ["Karl Lindqvist"]
    head = "<meta name='author' content='ines varga'>"
    assert authors(site_page("ines varga", head, "Notes by ines varga on canals.")) == ["ines varga"]


def test_a_rail_of_other_writers_stories_adds_no_co_author():
    head = "<meta name='author' content='Ines Varga'>"
    after = ("<aside class='more-authors'><div><a href='/p/iv'>Ines Varga</a><a href='/s/1'>Harbour fees rise "
             "again this spring</a></div><div><a href='/p/cd'>Colm Deverill</a><a href='/s/2'>New ferry timetable "
             "starts on Monday</a></div></aside>")
    assert authors(page(head=head, after=after)) == ["Ines Varga"]


def test_a_shown_byline_adds_the_co_author_the_metadata_lacks():
    head = "<meta name='author' content='Ines Varga'>"
    assert authors(page(header="<p>By Ines Varga and Colm Deverill</p>", head=head)) == ["Ines Varga", "Colm Deverill"]


def test_recent_stories_links_are_not_names():
    header = ("<div class='author-card'><a class='author-name' href='/p/iv'>Ines Varga</a>"
              "<a href='/p/iv/all'>Ines Varga's Most Recent Stories</a><a href='/v/1'>Watch Colm Deverill</a></div>")
    assert authors(page(header=header)) == ["Ines Varga"]


def test_a_papers_citation_authors_outnumber_its_author_meta():
    head = ("<meta name='author' content='Adaeze Okafor'>"
            + "".join(f"<meta name='citation_author' content='{n}'>"
                      for n in ("Okafor, Adaeze", "Lindqvist, Britt", "Quill, Tomas")))
    assert authors(page(head=head)) == ["Adaeze Okafor", "Britt Lindqvist", "Tomas Quill"]


def test_a_two_digit_day_after_the_name_is_the_date_not_a_surname():
    header = ("<p class='page-meta'><span>By <a href='/people/tamsin-oyelaran'>Tamsin Oyelaran</a></span> "
              "<span class='meta-date'>April 12, 2024</span></p>")
    assert authors(page(header=header)) == ["Tamsin Oyelaran"]


def test_the_summary_cards_written_by_pair_names_the_author():
    head = ("<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Idris Mbeki'>"
            "<meta name='twitter:label2' content='Est. reading time'><meta name='twitter:data2' content='4 minutes'>")
    assert authors(page(head=head)) == ["Idris Mbeki"]
    # a reading time in the first pair is no author
    head = "<meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' content='4 minutes'>"
    assert authors(page(head=head)) == []


def test_a_link_to_the_writers_page_is_the_byline_but_not_in_the_story_cards_below():
    header = ("<div class='flex items-center'><span class='mr-1'>by </span>"
              "<p class='font-bold'><a href='/articles/authors/idris-mbeki'>Idris Mbeki</a></p></div>")
    assert authors(page(header=header)) == ["Idris Mbeki"]
    cards = ("<div class='grid'>" + "".join(
        f"<div class='p-4'><a href='/news/story-{i}'>Other story {i}</a> By <a href='/author/{slug}'>{name}</a></div>"
        for i, (slug, name) in enumerate([("nora-vells", "Nora Vells"), ("hugo-ferro", "Hugo Ferro")])) + "</div>")
    assert authors(page(after=cards)) == []
