"""The real-time segment pipeline: evaluation queue, worker, time sweep, status and live changes."""
