"""The built wheel works on its own: installed in a fresh venv, run from another folder.

An editable install reads the templates from the checkout, so only a real wheel
shows whether `force-include` ships them. Dependencies come from the package index.
"""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "--wheel-dir", str(folder)],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("tipdiff-*.whl")
    return built


@pytest.mark.network
def test_wheel_ships_the_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(p.name for p in (ROOT / "templates").iterdir() if p.is_file())
    assert templates
    assert all(f"tipdiff/templates/{name}" in names for name in templates)


@pytest.mark.network
def test_installed_wheel_compares_from_another_folder(wheel: Path, tmp_path: Path, examples: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    subprocess.run(
        [environment / "bin" / "python", "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            environment / "bin" / "tipdiff",
            "compare",
            examples / "2022.txt",
            examples / "2023.txt",
            "--format",
            "markdown",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# ")
    assert "Recommendations" in result.stdout

    where = subprocess.run(
        [environment / "bin" / "python", "-c", "import tipdiff; print(tipdiff.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(environment)
