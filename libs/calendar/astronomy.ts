// The two astronomical quantities the lunisolar calendar is built on, with the low-precision
// formulas of Jean Meeus, "Astronomical Algorithms" (as used by Hồ Ngọc Đức's Vietnamese calendar).
// Accurate to minutes for 1800–2200, which is what deciding the day of a new moon needs.

const DEGREE = Math.PI / 180;
const FULL_CIRCLE = 2 * Math.PI;

/**
 * Julian date (UT) of the `k`-th new moon, counted from the new moon of 1900-01-01 13:52 UT (k = 0).
 * Mean lunation plus the main periodic corrections (Meeus ch. 49) and a ΔT correction.
 */
export function newMoonJulianDate(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  const meanNewMoon =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);

  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEGREE;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEGREE;
  const moonLatitudeArgument =
    (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEGREE;

  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitudeArgument) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitudeArgument + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitudeArgument - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitudeArgument + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitudeArgument - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);

  return meanNewMoon + correction - deltaT(t);
}

/** Apparent ecliptic longitude of the sun, in radians within [0, 2π), at Julian date `jd` (Meeus ch. 25). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEGREE;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const equationOfCentre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + equationOfCentre) * DEGREE;
  return longitude - FULL_CIRCLE * Math.floor(longitude / FULL_CIRCLE);
}

/** Difference between dynamical and universal time, in days, for `t` centuries since 1900. */
function deltaT(t: number): number {
  const t2 = t * t;
  if (t < -11) {
    return 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t2 * t - 0.000000081 * t * t2 * t;
  }
  return -0.000278 + 0.000265 * t + 0.000262 * t2;
}
