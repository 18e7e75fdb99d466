"""Approximate annual-average exchange rates of major currency pairs, 1999–2025 (data only).

The figures are **approximate annual averages written from general knowledge of public
central-bank series** (US Federal Reserve H.10 / G.5A, European Central Bank reference rates,
Bank of England, Reserve Bank of Australia, People's Bank of China central parity, Hong Kong
Monetary Authority).  No source was available offline when they were written, so each value is
a rounded recollection, good to a few per cent — a year the author was not sure of is left out
rather than guessed.  They are not for conversions; they only tell a gross slip (a figure
converted at another currency's rate, a rate inverted, a magnitude lost) from ordinary
day-to-day movement.

How the ``currency-rate`` rule uses them: a conversion in a report ("$630m (£481.5m)") implies a
rate; the rule accepts anything within ±15% of the average of ANY year the document mentions
(it takes the lowest and highest average over those years and widens that range by 15% each
way), so intra-year moves, quarter-end rates and convenience translations never trigger it.
A document that names no year with data here is not checked.

Format: ``RATES[(quote, base)][year]`` is the number of units of ``quote`` per one unit of
``base``, as a decimal string (read as an exact Fraction by the rule).  Every pair has the US
dollar on one side; cross rates (GBP/EUR, EUR/CNY, AUD/GBP …) are computed from the two US-dollar
legs of the same year.  Currency codes are the extractor's units (ISO 4217).
"""

from __future__ import annotations

RATES: dict[tuple[str, str], dict[int, str]] = {
    # US dollars per pound sterling
    ("USD", "GBP"): {
        1999: "1.618", 2000: "1.516", 2001: "1.440", 2002: "1.501", 2003: "1.634", 2004: "1.832",
        2005: "1.820", 2006: "1.843", 2007: "2.002", 2008: "1.855", 2009: "1.566", 2010: "1.546",
        2011: "1.604", 2012: "1.585", 2013: "1.565", 2014: "1.648", 2015: "1.528", 2016: "1.356",
        2017: "1.289", 2018: "1.335", 2019: "1.277", 2020: "1.284", 2021: "1.376", 2022: "1.237",
        2023: "1.244", 2024: "1.278", 2025: "1.32",
    },
    # US dollars per euro
    ("USD", "EUR"): {
        1999: "1.066", 2000: "0.924", 2001: "0.896", 2002: "0.946", 2003: "1.131", 2004: "1.244",
        2005: "1.245", 2006: "1.256", 2007: "1.371", 2008: "1.471", 2009: "1.394", 2010: "1.326",
        2011: "1.392", 2012: "1.286", 2013: "1.328", 2014: "1.329", 2015: "1.110", 2016: "1.107",
        2017: "1.130", 2018: "1.181", 2019: "1.120", 2020: "1.142", 2021: "1.183", 2022: "1.053",
        2023: "1.081", 2024: "1.082", 2025: "1.13",
    },
    # yuan (renminbi) per US dollar
    ("CNY", "USD"): {
        1999: "8.278", 2000: "8.279", 2001: "8.277", 2002: "8.277", 2003: "8.277", 2004: "8.277",
        2005: "8.194", 2006: "7.973", 2007: "7.608", 2008: "6.948", 2009: "6.831", 2010: "6.770",
        2011: "6.459", 2012: "6.312", 2013: "6.193", 2014: "6.143", 2015: "6.228", 2016: "6.642",
        2017: "6.752", 2018: "6.617", 2019: "6.898", 2020: "6.897", 2021: "6.451", 2022: "6.726",
        2023: "7.084", 2024: "7.189", 2025: "7.18",
    },
    # yen per US dollar
    ("JPY", "USD"): {
        1999: "113.9", 2000: "107.8", 2001: "121.6", 2002: "125.2", 2003: "115.9", 2004: "108.2",
        2005: "110.2", 2006: "116.3", 2007: "117.8", 2008: "103.4", 2009: "93.6", 2010: "87.8",
        2011: "79.7", 2012: "79.8", 2013: "97.6", 2014: "105.9", 2015: "121.0", 2016: "108.8",
        2017: "112.2", 2018: "110.4", 2019: "109.0", 2020: "106.8", 2021: "109.8", 2022: "131.5",
        2023: "140.5", 2024: "151.4", 2025: "150",
    },
    # US dollars per Australian dollar
    ("USD", "AUD"): {
        1999: "0.645", 2000: "0.582", 2001: "0.517", 2002: "0.543", 2003: "0.652", 2004: "0.736",
        2005: "0.763", 2006: "0.753", 2007: "0.838", 2008: "0.853", 2009: "0.792", 2010: "0.919",
        2011: "1.033", 2012: "1.036", 2013: "0.968", 2014: "0.903", 2015: "0.752", 2016: "0.744",
        2017: "0.767", 2018: "0.748", 2019: "0.695", 2020: "0.691", 2021: "0.751", 2022: "0.695",
        2023: "0.665", 2024: "0.660", 2025: "0.645",
    },
    # Danish kroner per euro (ERM II peg at 7.46038, held within about 7.43–7.47)
    ("DKK", "EUR"): {year: "7.45" for year in range(1999, 2026)},
    # Hong Kong dollars per US dollar (linked rate, 7.75–7.85 since 2005; about 7.75–7.80 before)
    ("HKD", "USD"): {
        1999: "7.758", 2000: "7.791", 2001: "7.799", 2002: "7.799", 2003: "7.787", 2004: "7.788",
        2005: "7.777", 2006: "7.768", 2007: "7.801", 2008: "7.787", 2009: "7.752", 2010: "7.769",
        2011: "7.784", 2012: "7.756", 2013: "7.756", 2014: "7.754", 2015: "7.752", 2016: "7.762",
        2017: "7.793", 2018: "7.839", 2019: "7.836", 2020: "7.756", 2021: "7.773", 2022: "7.831",
        2023: "7.829", 2024: "7.80", 2025: "7.82",
    },
}

# Years in which a pair moved so far within the year that a conversion at a month's rate can lie
# more than 15% from the annual average: approximate lowest and highest MONTHLY averages of the
# year, same convention as RATES.  The rule takes the span from the lower of (average, low) to
# the higher of (average, high) before widening it by 15%.  Ex) sterling fell from about 2.00 US$
# in March 2008 to about 1.48 US$ in December 2008.
MONTHLY_RANGE: dict[tuple[str, str], dict[int, tuple[str, str]]] = {
    ("USD", "GBP"): {2008: ("1.48", "2.01"), 2009: ("1.43", "1.66"), 2016: ("1.24", "1.46"),
                     2022: ("1.13", "1.36")},
    ("USD", "EUR"): {2008: ("1.27", "1.58"), 2000: ("0.85", "1.03")},
    ("USD", "AUD"): {2008: ("0.65", "0.96"), 2009: ("0.64", "0.91")},
    ("JPY", "USD"): {2008: ("90.3", "108.0"), 2022: ("114.8", "147.0")},
}
