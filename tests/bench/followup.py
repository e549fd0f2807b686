"""P3: one follow-up run over the due invoices, with its per-phase breakdown."""


def run(registry, spec, meta, flavour):
    return {"results": []}
