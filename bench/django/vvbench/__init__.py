"""The benchmark's Django app: unmanaged models on the tables the Java harness created."""
