/** Statistics for comparing groups: Pearson's chi-square test of a 2 × k table. */

/**
 * Complementary error function (W. J. Cody's rational approximations via the Numerical Recipes
 * erfc Chebyshev fit; relative error below 1.2e-7, ample for p-values shown with two decimals).
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Regularised upper incomplete gamma Q(a, x), by series or continued fraction (Numerical Recipes). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnGammaA = lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
}

function lnGamma(x: number): number {
  const g = [
    76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const coefficient of g) ser += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

/** Upper tail of the chi-square distribution. @example chiSquareP(3.841, 1) // ≈ 0.05 */
export function chiSquareP(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom === 1) return erfc(Math.sqrt(statistic / 2));
  return gammaQ(degreesOfFreedom / 2, statistic / 2);
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  p: number;
  /** False when an expected count is below 5: the test is then unreliable and not reported. */
  valid: boolean;
}

/**
 * Pearson's chi-square test of independence (no continuity correction) for groups given as
 * [yes, total] pairs — e.g. late and started for pojkar and flickor.
 * @example chiSquareTest([[10, 30], [30, 70]]) // { statistic: 0.794, degreesOfFreedom: 1, p: 0.373, valid: true }
 */
export function chiSquareTest(groups: readonly (readonly [number, number])[]): ChiSquareResult | null {
  const used = groups.filter(([, total]) => total > 0);
  const yes = used.reduce((s, [y]) => s + y, 0);
  const total = used.reduce((s, [, t]) => s + t, 0);
  if (used.length < 2 || yes === 0 || yes === total) return null;
  let statistic = 0;
  let valid = true;
  for (const [y, t] of used) {
    const expectedYes = (t * yes) / total;
    const expectedNo = t - expectedYes;
    if (expectedYes < 5 || expectedNo < 5) valid = false;
    statistic += (y - expectedYes) ** 2 / expectedYes + (t - y - (t - expectedYes)) ** 2 / expectedNo;
  }
  const degreesOfFreedom = used.length - 1;
  return { statistic, degreesOfFreedom, p: chiSquareP(statistic, degreesOfFreedom), valid };
}
