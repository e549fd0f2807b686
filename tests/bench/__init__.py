"""``make bench``: our modules and the peers users would pick instead, on the same data.

- ``runner``: one run end to end (cluster, databases, peers, data, measures, table, README);
- ``peers``: the OCA peers, fetched from PyPI and unpacked into the bench's scratch folder;
- ``ledger``: the data, built at SQL speed by copying ORM-made documents;
- ``scenarios``: the goals P1-P6 measured per database flavour;
- ``worker``: the process that opens an Odoo registry and runs one task of the runner.
"""
