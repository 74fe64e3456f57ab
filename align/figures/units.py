"""Canonical units, their dimensions and factors to a base unit (language-independent physics).

A translator who writes 32 km for 20 miles has converted, not erred: figures in units of the
same dimension are compared in the base unit with a tolerance (see compare.py).
"""

from __future__ import annotations

# canonical unit -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mile": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "in": ("length", 0.0254),
    "yd": ("length", 0.9144),
    "kg": ("mass", 1.0),
    "g": ("mass", 0.001),
    "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "ha": ("area", 10000.0),
    "acre": ("area", 4046.8564224),
    "km2": ("area", 1e6),
    "mi2": ("area", 2589988.110336),
    "m2": ("area", 1.0),
    "l": ("volume", 1.0),
    "gal": ("volume", 3.785411784),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "s": ("duration", 1.0),
    "min": ("duration", 60.0),
    "h": ("duration", 3600.0),
    "day": ("duration", 86400.0),
    "week": ("duration", 604800.0),
    "month": ("duration", 2629800.0),
    "year": ("duration", 31557600.0),
    "decade": ("duration", 315576000.0),
    "century": ("duration", 3155760000.0),
    "Hz": ("frequency", 1.0),
    "kHz": ("frequency", 1e3),
    "MHz": ("frequency", 1e6),
    "GHz": ("frequency", 1e9),
    "Mbit/s": ("bitrate", 1e6),
    "MB": ("data", 1e6),
    "GB": ("data", 1e9),
    "kW": ("power", 1e3),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "kWh": ("energy", 1.0),
    "magnitude": ("magnitude", 1.0),
    # Temperatures convert with an offset, see to_base().
    "degC": ("temperature", 1.0),
    "degF": ("temperature", 1.0),
    "deg": ("temperature", 1.0),
}


# A distance unit followed by "per hour" (or a translation of it) is this speed.
SPEED_OF: dict[str, str] = {"km": "km/h", "mile": "mph"}


def dimension(unit: str | None) -> str | None:
    """The physical dimension of a canonical unit ("length"), None for unknown or no unit."""
    if unit is None:
        return None
    entry = UNITS.get(unit)
    return entry[0] if entry else None


def to_base(value: float, unit: str) -> float:
    """`value` in the base unit of its dimension (metres, kilograms, seconds, degrees C...)."""
    if unit == "degF":
        return (value - 32.0) * 5.0 / 9.0
    return value * UNITS[unit][1]


def convertible(unit_a: str | None, unit_b: str | None) -> bool:
    """Two different units of one dimension (a bare "degrees" matches either scale)."""
    if unit_a is None or unit_b is None or unit_a == unit_b:
        return False
    dim = dimension(unit_a)
    return dim is not None and dim == dimension(unit_b)
