"""Speed, memory and scale benchmarks: ``python -m benchmarks.run``."""
