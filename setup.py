# The JSON Schemas and RELAX NG schemas live in schemas/ at the top of the project and are
# installed with the package as provenance.schemadata (see provenance/schemas.py).
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["provenance", "provenance.*"]) + ["provenance.schemadata"],
    package_dir={"provenance.schemadata": "schemas"},
)
