"""Allow `python -m sicoach`."""

from sicoach.cli.app import main

main()
