from dateline.run.cli import main

main()
