"""Qt item models of the shell and inspection pages (each tested with ``qtmodeltester``)."""
