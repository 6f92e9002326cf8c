"""Site talk: sentences and lines in which the page speaks about itself, not about the news.

A scraper flattens them into the body, often glued to the end of a paragraph: tags and
breadcrumbs, "Follow us on X", app and paywall prompts, agency credits ("Reporting by ...;
Editing by ..."), republication notes, update stamps, photo credits, social-media embeds, the
author's bio at the end. Each kind is a small named predicate over one sentence (or one line);
``site_talk`` runs them over the text and returns the spans with their reasons.

The predicates look for the shape of page furniture (an imperative about the site, a label
and a list, a credit with a slash, a handle in parentheses), never for one outlet's wording,
and each stays short-sentence only, so that a reported sentence about the same things
("the app was downloaded a million times") is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.clean.header import _TIME, DATETIME
from dateline.clean.junk import lines_with_offsets, literals, matches, may_hold, notice_extent
from dateline.clean.widgets import interface_only

Span = tuple[int, int, str]

_NETWORKS = (r"(?:Twitter|X|Facebook|Instagram|TikTok|YouTube|LinkedIn|Telegram|WhatsApp|Threads|Bluesky|"
             r"Mastodon|Snapchat|Google News|Flipboard|Apple News|Reddit|Pinterest)")
_WORDS = re.compile(r"[\w'’]+")


@lru_cache(maxsize=4096)  # every sentence test counts the same sentence's words
def _n(s: str) -> int:
    return len(_WORDS.findall(s))


# --- the predicates: each takes one sentence (stripped) ---------------------------------------

_TAXONOMY_LABEL = re.compile(
    r"^(?:Tags?|Tagged(?: with)?|Topics?|Related topics|Filed under|Posted in|Categor(?:y|ies)|Keywords|"
    r"Sections?|More on|More about|Filed in|Sources?)[ \t]*:[ \t]*\S", re.I)


def is_taxonomy(s: str) -> bool:
    """"Tags: Politics, Elections" / "Filed under: Courts | Energy": a label over a short list."""
    if not _TAXONOMY_LABEL.match(s):
        return False
    rest = s.split(":", 1)[-1].strip()
    if re.search(r"[.!?]['”\"’]?$", rest):
        return False  # a list of tags has no sentence end; "Tagged: ... Officials said X." is a paragraph
    listed = len(re.findall(r"[,|·•;]", rest)) >= 1
    return _n(rest) <= (16 if listed else 6) and not re.search(r"\b(?:said|says|is|are|was|were|will|has|have)\b", rest)


_CRUMB_SEP = r"[ \t]*(?:>|»|›|/)[ \t]*"
_CRUMB_ITEM = r"[A-Z][\w&'’.-]*(?:[ \t]+[A-Za-z&][\w&'’.-]*){0,3}"
_CRUMB = re.compile(rf"^{_CRUMB_ITEM}(?:{_CRUMB_SEP}{_CRUMB_ITEM}){{2,7}}$")


def is_breadcrumb(s: str) -> bool:
    """"Home > World > Middle East": three or more short capitalised items, one separator kind."""
    if not _CRUMB.match(s):
        return False
    seps = set(re.findall(r"[>»›/]", s))
    return len(seps) == 1 and not re.search(r"\d{1,2}/\d{1,2}", s)


_FOLLOW = re.compile(
    rf"^(?:(?:Follow|Like|Join|Find|Subscribe to|Connect with)[ \t]+(?:us|me|him|her|them|[A-Z@][\w.@'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){{0,4}}|our[ \t]+[\w ]{{2,30}}?)"
    rf"[ \t]+(?:on|at|via)[ \t]+{_NETWORKS}\b"
    rf"|(?:Join|Follow)[ \t]+(?:our|the)[ \t]+(?:[\w-]+[ \t]+)?{_NETWORKS}[ \t]+(?:channel|group|page|account|community))",
    re.I)


def is_follow_prompt(s: str) -> bool:
    """"Follow us on Twitter", "Join our WhatsApp channel for the latest news"."""
    return _n(s) <= 25 and bool(_FOLLOW.search(s))


_APP = re.compile(
    r"^(?:Download|Get|Install|Try)[ \t]+(?:the|our)[ \t]+(?:[A-Z][\w'’&-]*[ \t]+){0,4}(?:news[ \t]+)?app\b"
    r"|^(?:Available|Download(?: it)?|Get it)[ \t]+on[ \t]+(?:the[ \t]+)?(?:App Store|Google Play|iOS|Android)"
    r"|^(?:Read|Listen|Watch)[ \t]+(?:it|this|more)?[ \t]*(?:on|in)[ \t]+(?:the|our)[ \t]+app\b", re.I)


def is_app_prompt(s: str) -> bool:
    """"Download the app for breaking news alerts", "Available on the App Store and Google Play"."""
    return _n(s) <= 22 and bool(_APP.search(s))


_PAYWALL = re.compile(
    r"\b(?:(?:sign|log)[ -]?in|subscribe|subscribers?|subscription|register|free account|create an account|"
    r"free articles?|unlimited (?:digital )?access|premium (?:content|article|story)|paywall|donate|"
    r"support (?:our|independent|local|quality) journalism)\b", re.I)
_PAYWALL_NEEDS = literals("sign", "log", "subscri", "register", "free account", "create an account", "free article",
                          "unlimited", "premium", "paywall", "donate", "journalism")
_PAYWALL_PURPOSE = re.compile(
    r"\b(?:continue reading|keep reading|to read (?:the|this|more|on)|read the (?:full|rest|whole)|full (?:story|article)|"
    r"(?:reached|used) (?:your|the) (?:limit|free)|limit of|already (?:a )?(?:subscriber|registered|have an account)|"
    r"for subscribers|subscribers only|exclusive to (?:subscribers|members)|unlock (?:this|the full|full) (?:article|story)|"
    r"unlimited (?:digital )?access|(?:subscribe|donate|sign up|register) (?:now|today)[.!]?$|"
    r"to access (?:this|the full)|this (?:content|article|story) is (?:for|only|available)|"
    r"(?:articles?|stories|reads) (?:remaining|left)\b)", re.I)


def is_paywall_prompt(s: str) -> bool:
    """"Sign in to continue reading", "You have reached your limit of free articles"."""
    return _n(s) <= 25 and may_hold(s, _PAYWALL_NEEDS) and bool(_PAYWALL.search(s) and _PAYWALL_PURPOSE.search(s)) \
        and not re.search(r"\b(?:said|says|told|according)\b", s)


_CLICK_NEEDS = literals("click", "tap")


def is_click_here(s: str) -> bool:
    """"To get the latest news, click here." An instruction to click is never reported speech."""
    return _n(s) <= 22 and may_hold(s, _CLICK_NEEDS) \
        and re.search(r"\b(?:click|tap) (?:here|this link|the link|below)\b", s, re.I) is not None \
        and re.search(r"\b(?:subscribe|newsletter|sign up|latest (?:news|updates|stories)|more (?:news|stories)|"
                      r"read (?:more|the full)|full (?:story|article|coverage)|alerts?|our app|the app)\b", s, re.I) is not None \
        and not re.search(r"\b(?:said|says|told)\b", s)


_CREDIT_ROLE = r"(?:(?:Additional |Further )?(?:reporting|writing|editing|compiled|produced|research|translated|translation|graphics|fact-?checking)(?: and [a-z]+)? by)"
_AGENCY_CREDIT = re.compile(rf"^\(?{_CREDIT_ROLE}[ \t]+[A-Z]", re.I)


_CREDIT_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+)?(?:[ \t]+[A-Z][\w'’.-]+(?=[ \t]*(?:[;,.)]|and\b|in\b|$)))?"
_CREDIT_CHAIN = re.compile(
    rf"\(?{_CREDIT_ROLE}[ \t]+{_CREDIT_NAME}(?:[ \t]+in[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)?"
    rf"(?:[ \t]*(?:[,;]|and)[ \t]*(?:{_CREDIT_ROLE}[ \t]+)?{_CREDIT_NAME}(?:[ \t]+in[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)?)*"
    r"[ \t]*[.;)]?", re.I)


_FIRST_LAST = re.compile(rf"\(?{_CREDIT_ROLE}[ \t]+[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+)?", re.I)


def credit_extent(rest: str) -> int:
    """How much of a line a wire credit takes: all of it ("Reporting by A; Editing by B", which
    may hold full stops), unless the story's next sentence was glued on after the names
    ("Translated by Nora Vells Eighteen-year-old Anjali Perera won ..."): then only the names."""
    m = _CREDIT_CHAIN.match(rest)
    after = rest[m.end():].lstrip() if m else ""
    if not m or not after or _AGENCY_CREDIT.match(after):
        return len(rest)
    if re.match(r"[\"“‘A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+[a-z]", after):
        return m.end()
    if len(after.split()) >= 8:  # a paragraph runs on from a name ("... by Nora Vells Perera, who learned ...")
        return _FIRST_LAST.match(rest).end()
    return len(rest)


def is_agency_credit(s: str) -> bool:
    """"Reporting by Jane Roe; Editing by John Doe" (a wire credit: the staff, not the authors)."""
    if not _AGENCY_CREDIT.match(s):
        return False
    if s.startswith("(") and ")" in s:
        s = s[:s.index(")")]  # the credit's own brackets; a note glued after it is judged apart
    return _n(s) <= 45 and not re.search(r"\b(?:said|says|is|are|was|were|has|have)\b", s)


_NOTE = re.compile(
    r"^\(?(?:Disclaimer|Editor['’]?s? [Nn]ote|Editorial [Nn]ote|Note to readers|Correction|Clarification|"
    r"Transparency note|Disclosure)[ \t]*[:—–-]", re.I)


def is_editorial_note(s: str) -> bool:
    """"Disclaimer: ...", "Editor's note: ...": a note about the page, a label first."""
    return _n(s) <= 60 and bool(_NOTE.match(s))


_REPUBLISHED = re.compile(
    r"^\(?(?:This|The|A version of this|An earlier version of this|Parts of this)[ \t]+(?:[\w-]+[ \t]+){0,2}"
    r"(?:article|story|post|piece|report|interview|column|op-ed|essay|content|material|feature|video)\b[^.]{0,40}?"
    r"\b(?:(?:was|were|is|has been|had been|first|originally)[ \t]+)+"
    r"(?:originally |first )?(?:published|appeared|appears|posted|republished|syndicated|produced|edited|auto-generated|generated)\b", re.I)
_REPUBLISHED_TOO = re.compile(
    r"^\(?(?:Read the original (?:article|story|post)|This (?:story|article) has not been edited|"
    r"Republished (?:with permission )?from|Originally (?:published|appeared|posted) (?:on|in|at|by)|"
    r"This (?:entry|post) was posted (?:in|on|by)|(?:A version of this|This|The) (?:article|story) (?:first |originally )?appear(?:s|ed) in|This (?:article|story|post|page) is (?:more|over) than \d+ (?:years?|months?) old)\b", re.I)


def is_republication_note(s: str) -> bool:
    """"This article was originally published on ...", "A version of this story first appeared in ..."."""
    return _n(s) <= 45 and bool(_REPUBLISHED.match(s) or _REPUBLISHED_TOO.match(s))


_RIGHTS = re.compile(r"\b(?:may not be (?:published|reproduced|copied)|without (?:prior )?(?:written )?permission|"
                     r"(?:is|are) (?:a )?registered trademarks?)\b", re.I)


def is_rights_notice(s: str) -> bool:
    """"This material may not be published, broadcast, rewritten or redistributed."""
    return _n(s) <= 30 and re.match(r"^(?:This|The|All|No|Any)\b", s) is not None and _RIGHTS.search(s) is not None


_STAMP_HEAD = re.compile(
    rf"^(?:Last[ \t]+)?(?:Updated|updated|UPDATED|Published|PUBLISHED)(?:[ \t]+on)?:?[ \t]*(?:{DATETIME}|{_TIME})"
    rf"(?:[ \t]*(?:ET|GMT|IST|UTC|EST|EDT|PST|PDT|BST|CET))?(?:[ \t]*[|·•][ \t]*(?:Updated|UPDATED)(?:[ \t]+on)?:?[ \t]*"
    rf"(?:{DATETIME}|{_TIME})(?:[ \t]*(?:ET|GMT|IST|UTC|EST|EDT|PST|PDT|BST|CET))?)?(?=[ \t]+[A-Z\"“‘'])")


def stamp_heads(text: str) -> list[Span]:
    """An update stamp glued onto the start of the paragraph under it ("Updated 5:13 AM ET The ...")."""
    out = []
    for offset, line in lines_with_offsets(text):
        m = _STAMP_HEAD.match(line)
        if m:
            out.append((offset, offset + m.end(), "update-stamp"))
    return out


_UPDATED = re.compile(
    rf"^(?:(?:Last[ \t]+)?(?:Updated|updated|UPDATED|Modified|modified|Published|PUBLISHED|Posted|First published)(?:[ \t]+on)?:?[ \t]*"
    rf"(?:{DATETIME}|{_TIME}(?:[ \t]*(?:[A-Z]{{2,4}}T?|ET|GMT|IST|UTC))?|\d+[ \t]+(?:minutes?|hours?|days?|mins?|hrs?)[ \t]+ago)"
    rf"(?:[ \t]*(?:ET|GMT|IST|UTC|[A-Z]{{3}})(?:[+-]\d{{1,2}})?)?[ \t]*(?:[|,·•][ \t]*)?){{1,2}}$"
    # a bare date and time standing alone between paragraphs: "Sat 3 Nov 2018 09.47 GMT"
    rf"|^{DATETIME}(?:[ \t]*(?:ET|GMT|IST|UTC|BST|CET|[A-Z]{{2,4}}T)(?:[+-]\d{{1,2}})?)?$")


def is_update_stamp(s: str) -> bool:
    """"Updated 3:45 p.m. ET", "Published June 2, 2021 | Updated June 3, 2021"."""
    return _UPDATED.match(s.strip()) is not None


_CHROME = re.compile(
    r"^(?:Share(?: this)?(?: (?:article|story|post|page))?|Show comments?|Hide comments?|View comments?|"
    r"Hide caption|Toggle caption|Show caption|Expand|Collapse|Font size(?: A)*|Text size|A ?A ?A|"
    r"Print(?: \| | · | )?E-?mail|Print|E-?mail|Save(?: article| for later)?|Bookmark|Gift (?:this )?article|"
    r"Listen(?: to (?:this )?(?:article|story))?(?: \(?\d+ min(?:ute)?s?\)?)?|Story continues below|"
    r"(?:Estimated )?[Rr]eading time:? \d+ min(?:ute)?s?|\d+ min(?:ute)?s? read|Read time:? \d+ min(?:ute)?s?|"
    r"Image \d+ of \d+|\d+ of \d+ (?:photos|images)|Open (?:image|gallery)|Enlarge|Fullscreen|Zoom|"
    r"Most [Rr]ead|Most [Pp]opular|Trending|Latest|Top [Ss]tories|Sign [Uu]p|Log [Ii]n|Sign [Ii]n|"
    r"Comments?(?: \(\d+\))?|\d+ [Cc]omments?|Skip (?:to )?(?:content|ad|advertisement))[.!]?$", re.I)


def is_chrome_line(s: str) -> bool:
    """A whole line that is one button or page label: "Share", "Show comments", "5 min read"."""
    return _CHROME.match(s.strip()) is not None


_EMBED = re.compile(r"^A post shared by\b|^View this post on (?:Instagram|TikTok|X|Twitter)\b"
                    r"|^View (?:on|in) (?:Instagram|Twitter|X|TikTok|YouTube)\b|^Embed from [A-Z]"
                    r"|^See more (?:posts|photos|videos) (?:by|from) @?\w+")


def is_social_embed(s: str) -> bool:
    """A post's frame as a sentence of its own: "A post shared by ...", "View this post on Instagram"."""
    return _EMBED.search(s) is not None and _n(s) <= 12


_EMBED_FRAME = re.compile(r"(?<![\w])(?:A post shared by [A-Z][\w.'’ -]{1,40}?[ \t]*\(@?\w{1,30}\)"
                          # a profile's page title: "Name (@handle) • Instagram photos and videos"
                          r"|[A-Z][\w.'’ -]{1,40}?[ \t]*\(@\w{1,30}\)[ \t]*[•·|][ \t]*(?:Instagram|TikTok|Twitter|X|YouTube|Facebook)\b[^\n.]{0,40}"
                          r"|View this post on (?:Instagram|TikTok|X|Twitter|Facebook))")
_EMAIL_CONTACT = re.compile(r"(?<![\w])(?:E-?mail|Contact(?: (?:him|her|them|the author|the writer))?)(?: at)?[ \t]*:?[ \t]*"
                            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMBED_FRAME_NEEDS = re.compile(r"A post shared by|\(@|View this post on")


def frames_and_contacts(text: str) -> list[Span]:
    """Fixed frames wherever they sit, even glued to a paragraph: an embedded post's
    "View this post on Instagram", an author's "Contact jane@example.com"."""
    out = [(m.start(), m.end(), "social-embed") for m in matches(_EMBED_FRAME, text, _EMBED_FRAME_NEEDS)]
    if "@" in text:  # an address has one
        out += [(m.start(), m.end(), "author-contact") for m in _EMAIL_CONTACT.finditer(text)]
    return out


_BIO_ROLE = (r"(?:correspondent|reporter|journalist|writer|editor|columnist|contributor|producer|"
             r"photographer|photojournalist|freelancer|blogger|author|anchor|host|critic|commentator)")
_PERSON = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}"
_BIO = re.compile(
    rf"^{_PERSON}[ \t]+(?:is|was|has been)[ \t]+(?:a|an|the|our)[ \t]+(?:[\w,-]+[ \t]+){{0,5}}{_BIO_ROLE}s?\b"
    rf"|^{_PERSON}[ \t]+(?:covers|reports on|writes about|writes for|reports for)[ \t]+"
    rf"|^{_PERSON}[ \t]+joined[ \t]+[^.]{{2,60}}?[ \t]+in[ \t]+\d{{4}}[ \t]+and[ \t]+(?:writes|reports|covers)\b")
_CONTACT = re.compile(r"^(?:About the (?:author|writer|reporter)s?\b|Contact (?:the )?(?:author|writer|reporter|us)\b[^.]{0,40}"
                      r"(?:@|\bat\b)|(?:You can )?(?:reach|contact|email|follow) (?:him|her|them|the author)\b)", re.I)


def is_author_contact(s: str) -> bool:
    """"About the author: ...", "Contact the author at jane@example.com"."""
    return _n(s) <= 45 and _CONTACT.match(s) is not None


def is_author_bio(s: str) -> bool:
    """"Jane Roe is a correspondent for The Ledger based in Nairobi." (checked at the end only)."""
    return _n(s) <= 40 and _BIO.match(s) is not None and not re.search(r"\b(?:said|says|told|arrested|detained|killed)\b", s)


_REPORTED = re.compile(r"\b(?:said|says|told)\b")


def _reported(s: str) -> bool:
    """A sentence someone said is the story's, whatever it is about."""
    return _REPORTED.search(s) is not None


_PLAYER_NOTICE = re.compile(
    r"\b(?:(?:does|do|can)[ \t]?not support|not supported|can[ \t]?not be played|could not be (?:played|loaded)|"
    r"(?:is|are) not available|unavailable|is loading|failed to load|(?:enable|turn on|activate) javascript|press play|"
    r"(?:will|would) (?:appear|load|show up) (?:here|below))\b", re.I)


_PLAYER_WORDS = literals("video", "audio", "player", "media", "podcast", "browser", "javascript", "update", "post")


def is_player_notice(s: str) -> bool:
    """"Your browser does not support the video tag.", "This video can not be played": the
    player talking about itself."""
    if re.match(r"Press play\b", s):
        return _n(s) <= 8
    return _n(s) <= 16 and may_hold(s, _PLAYER_WORDS) \
        and re.search(r"\b(?:video|audio|player|media|podcast|browser|javascript|updates?|posts?)\b", s, re.I) is not None \
        and _PLAYER_NOTICE.search(s) is not None and not _reported(s)


def is_alt_text(s: str) -> bool:
    """Machine-written alt text: "Image may contain: person, outdoor", "May be an image of ..."."""
    return re.match(r"(?:(?:Image|Photo|Picture) may contain|May be an image of|No photo description available)\b", s) is not None


_FEEDBACK = re.compile(
    r"^(?:Rate|Rating|Was|Did you (?:find|enjoy|like)|How (?:do|did|would) you (?:feel|rate|like)|Tell us what you think|"
    r"Share your (?:thoughts|feedback)|Give (?:us )?feedback)\b[^.!?]{0,40}\b(?:this|the) (?:article|story|post|page|piece|content)\b"
    r"|^(?:Quick |Reader |Our )?(?:[Pp]oll|[Qq]uiz|[Ss]urvey):", re.I)


def is_reader_feedback(s: str) -> bool:
    """"Was this article helpful?", "Rate this article: ★★★★☆", "Quick poll: ...": the page asks
    the reader about itself (stars alone are widgets.counters')."""
    return _n(s) <= 20 and _FEEDBACK.search(s) is not None


_MEMBERSHIP = re.compile(
    r"^(?:Please )?(?:support (?:our|independent|local|quality|this) (?:journalism|reporting|newsroom|work)"
    r"|become an? (?:member|subscriber|supporter|patron)|donate (?:now|today|to us))\b", re.I)


def is_membership_ask(s: str) -> bool:
    """"Support our journalism.", "Become a member today."."""
    return _n(s) <= 16 and _MEMBERSHIP.search(s) is not None


_AFFILIATE = re.compile(
    r"\baffiliate (?:links?|commissions?|partnerships?|programs?)\b|\b(?:earn|earns|receive|get) (?:a )?(?:small )?commission\b"
    r"|\bindependently (?:select|selected|chosen|choose|reviewed|tested)\b|^Prices? (?:may|can|are subject to) (?:vary|change)\b", re.I)
_AFFILIATE_NEEDS = literals("affiliate", "commission", "independently", "price")


def is_affiliate_note(s: str) -> bool:
    """"This post may contain affiliate links.", "Prices may vary": the shop talk of review pages."""
    return _n(s) <= 30 and may_hold(s, _AFFILIATE_NEEDS) and _AFFILIATE.search(s) is not None and not _reported(s)


_ACCOUNT = re.compile(
    r"^(?:Already have an account|Don['’]t have an account|Create (?:a |an |your )?(?:free )?account|Start (?:your|a) free trial|"
    r"Unlock (?:this|the full|full) (?:article|story)|Continue with (?:Google|Apple|Facebook|email)|"
    r"Sign in to (?:save|comment|continue|read|follow)|(?:As a subscriber, )?you have \d+ gift articles?)\b", re.I)
_READER_ASK = re.compile(
    r"^(?:Have|Got) an? (?:confidential )?(?:news )?(?:tip|story(?: idea)?)\b|^We(?:['’]d| would)? (?:want|love|like) to hear from you\b"
    r"|\b(?:views|opinions) expressed\b.{0,80}\b(?:own|author|authors|necessarily)\b"
    r"|\b(?:comment data is processed|reduce spam|required fields are marked|for the next time I comment)\b", re.I)
_READER_ASK_NEEDS = literals("have a", "got a", "hear from you", "expressed", "comment data", "reduce spam",
                             "required fields", "next time i comment")


def is_account_prompt(s: str) -> bool:
    """"Already have an account?", "Start your free trial", "Unlock this article"."""
    return _n(s) <= 14 and _ACCOUNT.search(s) is not None


def is_reader_ask(s: str) -> bool:
    """The page speaking to its reader about itself: "Got a news tip?", "The views expressed
    in this article are the author's own", a comment form's spam notice."""
    return _n(s) <= 30 and may_hold(s, _READER_ASK_NEEDS) and _READER_ASK.search(s) is not None and not _reported(s)


_TECHNICAL = re.compile(
    r"\b(?:try again(?: later)?|something went wrong|(?:could|can)(?:not|n['’]t| not) (?:load|be loaded|be displayed|display)|"
    r"error (?:loading|occurred)|not available in your (?:region|country|location)|verify (?:that )?you are (?:a )?human|"
    r"not a (?:bot|robot)|checking your browser|(?:enable|allow) (?:cookies|javascript)|refresh (?:the|this) page|"
    r"(?:update|upgrade) your browser)\b", re.I)


def is_technical_notice(s: str) -> bool:
    """"Something went wrong. Please try again later.", "Checking your browser before accessing
    the site.": the page reporting on its own loading, never a story's sentence."""
    return _n(s) <= 14 and _TECHNICAL.search(s) is not None and not _reported(s)


def is_button_sentence(s: str) -> bool:
    """A short sentence made of button words: "Vote below.", "Comments are closed.", "Log in."."""
    if not (2 <= _n(s) <= 6 and s[:1].isupper()):
        return False
    core = re.sub(r"\b(?:below|now|today|are|is|closed|disabled)\b", "", s.rstrip(".!"), flags=re.I)
    return core.strip() != "" and interface_only(core)


SENTENCE_TESTS = (
    (is_taxonomy, "tags"),
    (is_breadcrumb, "breadcrumb"),
    (is_follow_prompt, "social-prompt"),
    (is_app_prompt, "app-prompt"),
    (is_paywall_prompt, "paywall"),
    (is_click_here, "interface"),
    (is_agency_credit, "agency-credit"),
    (is_editorial_note, "editorial-note"),
    (is_republication_note, "republication-note"),
    (is_rights_notice, "copyright"),
    (is_update_stamp, "update-stamp"),
    (is_social_embed, "social-embed"),
    (is_author_contact, "author-contact"),
    (is_player_notice, "video-player"),
    (is_alt_text, "caption"),
    (is_reader_feedback, "reader-poll"),
    (is_membership_ask, "paywall"),
    (is_affiliate_note, "affiliate-note"),
    (is_account_prompt, "paywall"),
    (is_reader_ask, "site-note"),
    (is_technical_notice, "site-note"),
    (is_button_sentence, "interface"),
)

@lru_cache(maxsize=8192)  # text.furniture_line asks again about the sentences site_talk judged
def sentence_kind(s: str):
    """The first of the sentence tests that calls ``s`` site talk, with its reason, or None."""
    for test, reason in SENTENCE_TESTS:
        if test(s):
            return test, reason
    return None


# sentence splitting that keeps "Co." and initials together
_ABBREV = re.compile(r"(?:\b(?:Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|No|vs|U\.S|U\.N|a\.m|p\.m|Jan|Feb|"
                     r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$")


# an end before a space, or glued straight onto a capitalised word ("...said.Follow us"); the
# look-ahead first names every character a match can start on, so that the alternatives (and
# their look-behinds) are tried only there, not at every position of the line
_SENTENCE_END = re.compile(r"(?=[.!?…”\"’A-Z])(?:[.!?…]+[”\"’')\]]*(?=[ \t]|$)|(?<=[a-z0-9%)][.!?])[”\"’]?(?=[A-Z][a-z])|(?<=[a-z][.!?][”\"’])(?=[A-Z]))")


def sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line: ends at . ! ? before a space, not after a known abbreviation."""
    return list(iter_sentences(line))


def iter_sentences(line: str):
    """``sentences`` one at a time, for a caller that stops at the first sentence it rejects."""
    start = 0
    for m in _SENTENCE_END.finditer(line):
        if _ABBREV.search(line[max(0, m.start() - 5):m.end()].rstrip("”\"’')]")):
            continue
        yield from _without_lead(line, start, m.end())
        start = m.end()
    if start < len(line):
        yield from _without_lead(line, start, len(line))


def _without_lead(line: str, s: int, e: int):
    while s < e and line[s] in " \t":
        s += 1
    if s < e:
        yield s, e


def site_talk(text: str) -> list[Span]:
    """Every sentence (or whole line) of site talk, with the name of its kind."""
    out: list[Span] = []
    lines = list(lines_with_offsets(text))
    content = [i for i, (_, line) in enumerate(lines) if line.strip()]
    tail = set(content[-2:])
    for i, (offset, line) in enumerate(lines):
        if line.strip():
            out += [(offset + s, offset + e, reason) for s, e, reason in line_site_talk(line, i in tail)]
    return out + stamp_heads(text) + glued_heads_and_credits(text) + frames_and_contacts(text)


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def line_site_talk(line: str, at_end: bool) -> tuple[Span, ...]:
    """The site talk of one line (offsets into the line): the whole line, or sentence by
    sentence; ``at_end``: the line is one of the text's last two, where an author bio sits."""
    out: list[Span] = []
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    if is_chrome_line(stripped) or is_breadcrumb(stripped) or is_update_stamp(stripped) \
            or is_taxonomy(stripped):
        return ((lead, len(line.rstrip()), _line_reason(stripped)),)
    if is_agency_credit(stripped):
        extent = credit_extent(stripped)
        out.append((lead, lead + extent, "agency-credit"))
        if extent == len(stripped):
            return tuple(out)
    spans = sentences(line)
    for k, (s, e) in enumerate(spans):
        sent = line[s:e].strip()
        test, reason = sentence_kind(sent) or (None, None)
        if reason is None and (at_end or k == len(spans) - 1 and len(spans) <= 2) and is_author_bio(sent):
            # at the end of the text, or a line of its own (or the last sentence glued on one)
            test, reason = is_author_bio, "author-bio"
        if reason is None:
            continue
        # a piece with no full stop glued onto the story's next sentence takes only itself
        end = s + notice_extent(sent, test)
        if reason == "agency-credit" and not sent.startswith("("):
            end = s + credit_extent(line[s:].rstrip())
        out.append((s, end, reason))
    out += _glued_tails(line, 0)
    return tuple(out)


def _line_reason(s: str) -> str:
    if is_chrome_line(s):
        return "interface"
    if is_breadcrumb(s):
        return "breadcrumb"
    if is_update_stamp(s):
        return "update-stamp"
    return "tags"


_GLUED_TAIL = re.compile(
    rf"(?<=[.!?”\"’)])[ \t]*(?P<junk>(?:Tags?|TAGS|Tagged|Topics|Filed under|Categories)[ \t]*:[ \t]*[^\n]{{2,160}}"
    rf"|\(?{_CREDIT_ROLE}[ \t]+[A-Z][^\n]{{2,200}}"
    rf"|(?:Share(?: this)?(?: article| story)?|Show comments|Hide caption|Toggle caption|\d+ min read|"
    r"Comments? \(\d+\)|Story continues below|Print(?: \| | )E-?mail|(?:Estimated )?Reading time:? \d+ min(?:ute)?s?|"
    r"Listen to (?:this )?(?:article|story)(?: \(?\d+ min(?:ute)?s?\)?)?)"
    rf"|(?:Last )?(?:Updated|UPDATED)(?: on)?:?[ \t]*(?:{DATETIME}|{_TIME})(?:[ \t]*(?:ET|GMT|IST|UTC|[A-Z]{{3}}))?"
    r")[ \t]*$", re.I)


_CHROME_HEAD = re.compile(
    r"^(?:Show comments|Hide comments|Share this (?:article|story)|Toggle caption|Hide caption|Show caption|"
    r"(?:Estimated )?Reading time:? \d+ min(?:ute)?s?|\d+ min(?:ute)?s? read|Comments? \(\d+\)|"
    r"Listen to (?:this )?(?:article|story)(?: \(?\d+ min(?:ute)?s?\)?)?)(?=[ \t]+[A-Z\"“‘])")
_BRACKETED_CREDIT = re.compile(rf"\({_CREDIT_ROLE}[ \t]+[A-Z][^()\n]{{2,200}}\)", re.I)


def glued_heads_and_credits(text: str) -> list[Span]:
    """A button glued onto the start of the paragraph under it ("Show comments The ..."), and a
    bracketed wire credit wherever it sits ("... fears (Reporting by A; Editing by B)")."""
    out = []
    for offset, line in lines_with_offsets(text):
        m = _CHROME_HEAD.match(line)
        if m:
            out.append((offset, offset + m.end(), "interface"))
    out += [(m.start(), m.end(), "agency-credit") for m in _BRACKETED_CREDIT.finditer(text)
            if not re.search(r"\b(?:said|says)\b", m.group(0))]
    return out


def _glued_tails(line: str, offset: int) -> list[Span]:
    """A label-led tail glued after the last sentence of a paragraph: "...said. Tags: A, B"."""
    m = _GLUED_TAIL.search(line)
    if not m or m.start("junk") == 0:
        return []
    junk = m.group("junk")
    if not junk.lstrip("(")[:1].isupper() and not junk[:1].isdigit():
        return []  # "... three categories: A, B and C." is prose
    if re.match(r"(?i)tag|topic|filed|categor", junk) and not is_taxonomy(junk):
        return []
    if re.match(r"(?i)\(?(?:additional |further )?[a-z]+ by", junk) and not is_agency_credit(junk):
        return []
    return [(offset + m.start("junk"), offset + m.end("junk"), "glued-interface")]
