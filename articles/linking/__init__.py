"""Links between claims: `candidates` gathers a bounded set of earlier claims for a batch of new ones with one
indexed SQL query and stores the suggestions (`suggest_links`); `judge` (pure, no database) decides which
pairs become suggestions and says why. The package itself imports neither, so the judge stays importable
without Django.

    from articles.linking.candidates import suggest_links   # services and the import runner call this
"""
