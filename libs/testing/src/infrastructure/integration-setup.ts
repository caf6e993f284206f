// Integration tests talk to real servers and run stress cases: a longer limit than unit tests.
jest.setTimeout(120_000);
