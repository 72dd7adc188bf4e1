"""Large-print documents (reportlab) and sending them to the printer. No Qt widgets."""

from reportlab import rl_config

# reportlab checks every attribute set on a chart's shapes, which is for finding mistakes
# while a chart is being written. Ours are written and tested: without the checks the
# evidence report's charts draw in about two thirds of the time (see bench/evidence.py).
rl_config.shapeChecking = 0
