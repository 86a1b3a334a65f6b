import datetime as dt

import pytest

from sitrep.store.date_range import date_range, day_of

D = dt.date


@pytest.mark.parametrize("value,expected", [
    ("2021-08-26", (D(2021, 8, 26), D(2021, 8, 26))),
    ("2021-08-26T14:30:00Z", (D(2021, 8, 26), D(2021, 8, 26))),
    ("2021-08", (D(2021, 8, 1), D(2021, 8, 31))),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
    ("2021-W34", (D(2021, 8, 23), D(2021, 8, 29))),
    ("2021-Q4", (D(2021, 10, 1), D(2021, 12, 31))),
    ("2021", (D(2021, 1, 1), D(2021, 12, 31))),
    ("2021-08-20/2021-08-26", (D(2021, 8, 20), D(2021, 8, 26))),
    ("2021-08/2021-11", (D(2021, 8, 1), D(2021, 11, 30))),
    ("P3D", (None, None)),
    ("PRESENT_REF", (None, None)),
    ("2021-02-30", (None, None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_date_range(value, expected):
    assert date_range(value) == expected


def test_day_of_only_for_single_days():
    assert day_of("2021-11-03T09:30:00Z") == D(2021, 11, 3)
    assert day_of("2021-11") is None
