/**
 * Cases worked by hand from the method (../shared/better-off/method.md), penny-exact. Each
 * comment shows the arithmetic; "→" marks rounding to the penny, half up.
 */
import { describe, expect, it } from 'vitest';
import { betterOff } from '@shared/domain/better-off';
import { household } from './households';

const run = (input: unknown) => betterOff(input).output;

describe('better-off calculator, worked by hand', () => {
  it('1. the format example: single 30, private rent capped at the LHA, 30 h at £12.21, relief at source', () => {
    // weekly 30 × 12.21 = 366.30; monthly 366.30 × 52 / 12 = 1,587.30; annual 19,047.60.
    // Tax: (19,047.60 − 12,570) × 20% = 1,295.52 / 12 = 107.96.
    // NI: 6,477.60 × 8% = 518.208 → 518.21 / 12 = 43.184 → 43.18.
    // Pension: QE 1,587.30 − 520 = 1,067.30; 4% = 42.692 → 42.69 from pay; 5% = 53.365 → 53.37 for UC.
    // Take-home 1,587.30 − 107.96 − 43.18 − 42.69 = 1,393.47. UC earned 1,587.30 − 107.96 − 43.18 − 53.37 = 1,382.79.
    // Max: 400.14 + min(900, 410.45) = 810.59. No work allowance. 55% × 1,382.79 = 760.5345 → 760.53.
    // UC in work 810.59 − 760.53 = 50.06. Better off 1,443.53 − 810.59 = 632.94.
    const out = run(
      household({ housing: { tenure: 'private', rentMonthly: 900, lhaMonthly: 410.45 } }),
    );
    expect(out).toEqual({
      outOfWork: {
        universalCredit: 810.59,
        childBenefit: 0,
        takeHomePay: 0,
        benefitCapReduction: 0,
        childcareCosts: 0,
        income: 810.59,
      },
      inWork: {
        grossPay: 1587.3,
        incomeTax: 107.96,
        nationalInsurance: 43.18,
        pension: 42.69,
        takeHomePay: 1393.47,
        universalCredit: 50.06,
        childBenefit: 0,
        benefitCapReduction: 0,
        childcareCosts: 0,
        travelToWork: 0,
        income: 1443.53,
      },
      betterOffMonthly: 632.94,
      warnings: [],
    });
  });

  it('2. single under 25: the lower standard allowance, UC tapered away', () => {
    // Age 22, 16 h × 12.21 = 195.36 a week; × 52 / 12 = 846.56. No tax or NI (10,158.72 a year).
    // Pension (22, over the £833 trigger): QE 326.56; 4% = 13.0624 → 13.06; 5% = 16.328 → 16.33.
    // Take-home 846.56 − 13.06 = 833.50. UC earned 846.56 − 16.33 = 830.23.
    // Out of work UC 316.98. In work 316.98 − 55% × 830.23 (456.6265 → 456.63) < 0 → 0.
    // Better off 833.50 − 316.98 = 516.52.
    const out = run(household({ adults: [{ age: 22 }], job: { hoursPerWeek: 16 } }));
    expect(out.outOfWork.universalCredit).toBe(316.98);
    expect(out.inWork.pension).toBe(13.06);
    expect(out.inWork.takeHomePay).toBe(833.5);
    expect(out.inWork.universalCredit).toBe(0);
    expect(out.betterOffMonthly).toBe(516.52);
  });

  it('3. couple both under 25, no children: no work allowance; a wage under the minimum is flagged', () => {
    // 20 h × 11.00 = 220.00 a week; × 52 / 12 = 953.333 → 953.33. No tax, NI or pension.
    // UC out 497.55; in 497.55 − 55% × 953.33 (524.3315 → 524.33) → 0. Better off 953.33 − 497.55 = 455.78.
    const out = run(
      household({
        adults: [{ age: 23 }, { age: 24 }],
        job: { adult: 1, hoursPerWeek: 20, hourlyWage: 11, pension: 'none' },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(497.55);
    expect(out.inWork.grossPay).toBe(953.33);
    expect(out.inWork.universalCredit).toBe(0);
    expect(out.betterOffMonthly).toBe(455.78);
    expect(out.warnings.join(' ')).toContain('below the National Living Wage');
    expect(out.warnings.join(' ')).toContain('£12.21');
  });

  it('4. couple, one 24 and one 25: the couple 25+ rate; social rent as it is', () => {
    // Max 628.10 + 500.00 = 1,128.10. Pay as case 1 (the 24-year-old is enrolled): earned 1,382.79.
    // No work allowance: 55% × 1,382.79 = 760.53; UC in work 1,128.10 − 760.53 = 367.57.
    // In work 1,393.47 + 367.57 = 1,761.04; better off 1,761.04 − 1,128.10 = 632.94.
    const out = run(
      household({
        adults: [{ age: 24 }, { age: 25 }],
        housing: { tenure: 'social', rentMonthly: 500 },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1128.1);
    expect(out.inWork.universalCredit).toBe(367.57);
    expect(out.inWork.income).toBe(1761.04);
    expect(out.betterOffMonthly).toBe(632.94);
  });

  it('5. lone parent, two children, childcare: capped out of work, exempt in work', () => {
    // 25 h × 12.50 = 312.50 a week; × 52 / 12 = 1,354.1667 → 1,354.17; annual 16,250.
    // Tax 3,680 × 20% = 736 / 12 = 61.333 → 61.33. NI 3,680 × 8% = 294.40 / 12 = 24.533 → 24.53.
    // Pension QE 834.17: 4% = 33.3668 → 33.37; 5% = 41.7085 → 41.71.
    // Take-home 1,354.17 − 61.33 − 24.53 − 33.37 = 1,234.94. UC earned 1,354.17 − 61.33 − 24.53 − 41.71 = 1,226.60.
    // Max out 400.14 + 2 × 292.81 + min(800, 750) = 1,735.76; in adds 85% × 600 = 510.00 → 2,245.76.
    // Work allowance 411; 55% × 815.60 = 448.58; UC in 2,245.76 − 448.58 = 1,797.18.
    // Child Benefit (26.05 + 17.25) × 52 / 12 = 187.633 → 187.63.
    // Out of work: 1,735.76 + 187.63 = 1,923.39 over the 1,835.00 cap by 88.39 → UC 1,647.37.
    // In work: earnings 1,226.60 ≥ 846, exempt.
    // Out 1,647.37 + 187.63 = 1,835.00; in 1,234.94 + 1,797.18 + 187.63 − 600 = 2,619.75; better off 784.75.
    const out = run(
      household({
        adults: [{ age: 32 }],
        children: [{ birthDate: '2018-05-01' }, { birthDate: '2020-09-10' }],
        housing: { tenure: 'private', rentMonthly: 800, lhaMonthly: 750 },
        childcareMonthly: { outOfWork: 0, inWork: 600 },
        job: { hoursPerWeek: 25, hourlyWage: 12.5 },
      }),
    );
    expect(out.outOfWork).toEqual({
      universalCredit: 1647.37,
      childBenefit: 187.63,
      takeHomePay: 0,
      benefitCapReduction: 88.39,
      childcareCosts: 0,
      income: 1835,
    });
    expect(out.inWork).toEqual({
      grossPay: 1354.17,
      incomeTax: 61.33,
      nationalInsurance: 24.53,
      pension: 33.37,
      takeHomePay: 1234.94,
      universalCredit: 1797.18,
      childBenefit: 187.63,
      benefitCapReduction: 0,
      childcareCosts: 600,
      travelToWork: 0,
      income: 2619.75,
    });
    expect(out.betterOffMonthly).toBe(784.75);
  });

  it('6. two-child limit in 2025-26: no element for a third child born after April 2017', () => {
    // Children 2016-03-01 (first, before 2017: 339.00), 2018-06-01 (292.81), 2021-01-15 (none).
    // Max 400.14 + 339.00 + 292.81 = 1,031.95 (owner: no housing element).
    // Pay 16 h × 12.21: gross 846.56, take-home 833.50, UC earned 830.23.
    // Work allowance 684; 55% × 146.23 = 80.4265 → 80.43; UC in 1,031.95 − 80.43 = 951.52.
    // Child Benefit (26.05 + 2 × 17.25) = 60.55 × 52 / 12 = 262.383 → 262.38. Under the cap both ways.
    // Out 1,031.95 + 262.38 = 1,294.33; in 833.50 + 951.52 + 262.38 = 2,047.40; better off 753.07.
    const out = run(
      household({
        adults: [{ age: 28 }],
        children: [
          { birthDate: '2016-03-01' },
          { birthDate: '2018-06-01' },
          { birthDate: '2021-01-15' },
        ],
        housing: { tenure: 'owner', rentMonthly: 0 },
        job: { hoursPerWeek: 16 },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1031.95);
    expect(out.outOfWork.childBenefit).toBe(262.38);
    expect(out.inWork.universalCredit).toBe(951.52);
    expect(out.inWork.income).toBe(2047.4);
    expect(out.betterOffMonthly).toBe(753.07);
  });

  it('7. the same family in 2026-27: the two-child limit is gone', () => {
    // Child elements 351.88 + 303.94 + 303.94 = 959.76; max 424.90 + 959.76 = 1,384.66.
    // 16 h × 12.71 = 203.36 a week; × 52 / 12 = 881.2267 → 881.23. Pension QE 361.23:
    // 4% = 14.4492 → 14.45; 5% = 18.0615 → 18.06. Take-home 866.78; UC earned 863.17.
    // Work allowance 710; 55% × 153.17 = 84.2435 → 84.24; UC in 1,384.66 − 84.24 = 1,300.42.
    // Child Benefit (27.05 + 2 × 17.90) = 62.85 × 52 / 12 = 272.35.
    // Out 1,384.66 + 272.35 = 1,657.01; in 866.78 + 1,300.42 + 272.35 = 2,439.55; better off 782.54.
    const out = run(
      household({
        taxYear: '2026-27',
        adults: [{ age: 28 }],
        children: [
          { birthDate: '2016-03-01' },
          { birthDate: '2018-06-01' },
          { birthDate: '2021-01-15' },
        ],
        housing: { tenure: 'owner', rentMonthly: 0 },
        job: { hoursPerWeek: 16, hourlyWage: 12.71 },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1384.66);
    expect(out.inWork.grossPay).toBe(881.23);
    expect(out.inWork.takeHomePay).toBe(866.78);
    expect(out.inWork.universalCredit).toBe(1300.42);
    expect(out.inWork.childBenefit).toBe(272.35);
    expect(out.betterOffMonthly).toBe(782.54);
  });

  it('8. a higher-rate disabled child addition is paid even where the two-child limit blocks the element; the cap does not apply', () => {
    // Children 2018, 2019 (292.81 each), 2022 (no element; higher disabled addition 495.87).
    // Max 400.14 + 585.62 + 495.87 + 450.00 = 1,931.63.
    // Salary 18,000: 1,500.00 a month. Tax 5,430 × 20% = 1,086 / 12 = 90.50; NI 5,430 × 8% = 434.40 / 12 = 36.20.
    // Take-home (no pension) 1,373.30 = UC earned. Work allowance 411: 55% × 962.30 = 529.265 → 529.27.
    // UC in 1,931.63 − 529.27 = 1,402.36. Child Benefit 262.38. Out of work 2,194.01 is over 1,835
    // but a disabled child exempts the household. In 1,373.30 + 1,402.36 + 262.38 = 3,038.04; better off 844.03.
    const out = run(
      household({
        adults: [{ age: 35 }],
        children: [
          { birthDate: '2018-01-01' },
          { birthDate: '2019-01-01' },
          { birthDate: '2022-01-01', disability: 'higher' },
        ],
        housing: { tenure: 'social', rentMonthly: 450 },
        job: {
          hoursPerWeek: undefined,
          hourlyWage: undefined,
          annualSalary: 18000,
          pension: 'none',
        },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1931.63);
    expect(out.outOfWork.benefitCapReduction).toBe(0);
    expect(out.inWork.incomeTax).toBe(90.5);
    expect(out.inWork.nationalInsurance).toBe(36.2);
    expect(out.inWork.universalCredit).toBe(1402.36);
    expect(out.betterOffMonthly).toBe(844.03);
  });

  it('9. couple in 2026-27, lower disabled child addition, 37.5 hours under a net pay pension', () => {
    // 37.5 × 12.71 = 476.625 → 476.63 a week; × 52 / 12 = 2,065.3967 → 2,065.40; annual 24,784.76.
    // Net pay: QE 1,545.40 × 5% = 77.27 before tax; 77.27 × 12 = 927.24 relief.
    // Tax (24,784.76 − 927.24 − 12,570) = 11,287.52 × 20% = 2,257.504 → 2,257.50 / 12 = 188.125 → 188.13.
    // NI 12,214.76 × 8% = 977.1808 → 977.18 / 12 = 81.4317 → 81.43.
    // Take-home = UC earned = 2,065.40 − 188.13 − 81.43 − 77.27 = 1,718.57.
    // Max 666.97 + 303.94 + 164.79 = 1,135.70. Work allowance 710: 55% × 1,008.57 = 554.7135 → 554.71.
    // UC in 1,135.70 − 554.71 = 580.99. Child Benefit 27.05 × 52 / 12 = 117.2167 → 117.22.
    // Out 1,135.70 + 117.22 = 1,252.92; in 1,718.57 + 580.99 + 117.22 = 2,416.78; better off 1,163.86.
    const out = run(
      household({
        taxYear: '2026-27',
        adults: [{ age: 30 }, { age: 31 }],
        children: [{ birthDate: '2019-05-05', disability: 'lower' }],
        job: { hoursPerWeek: 37.5, hourlyWage: 12.71, pension: 'net-pay' },
      }),
    );
    expect(out.inWork.grossPay).toBe(2065.4);
    expect(out.inWork.pension).toBe(77.27);
    expect(out.inWork.incomeTax).toBe(188.13);
    expect(out.inWork.nationalInsurance).toBe(81.43);
    expect(out.inWork.takeHomePay).toBe(1718.57);
    expect(out.outOfWork.universalCredit).toBe(1135.7);
    expect(out.inWork.universalCredit).toBe(580.99);
    expect(out.betterOffMonthly).toBe(1163.86);
  });

  it('10. LCWRA in 2025-26 brings the work allowance (with housing)', () => {
    // Max 400.14 + 423.27 + 400.00 = 1,223.41. Pay 16 h × 12.21: take-home 833.50, earned 830.23.
    // Work allowance 411: 55% × 419.23 = 230.5765 → 230.58; UC in 1,223.41 − 230.58 = 992.83.
    // In 833.50 + 992.83 = 1,826.33; better off 1,826.33 − 1,223.41 = 602.92.
    const out = run(
      household({
        adults: [{ age: 40, lcwra: true }],
        housing: { tenure: 'social', rentMonthly: 400 },
        job: { hoursPerWeek: 16 },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1223.41);
    expect(out.inWork.universalCredit).toBe(992.83);
    expect(out.betterOffMonthly).toBe(602.92);
  });

  it('11. LCWRA in 2026-27: the new-award rate and the protected pre-2026 rate', () => {
    // 10 h × 12.71 = 127.10 a week; × 52 / 12 = 550.7667 → 550.77, no tax, NI or pension.
    // Work allowance 710 (no housing) covers it all: UC is the same in and out of work.
    // New award: 424.90 + 217.26 = 642.16. Awarded before April 2026: 424.90 + 429.80 = 854.70.
    const base = {
      taxYear: '2026-27',
      job: { hoursPerWeek: 10, hourlyWage: 12.71, pension: 'none' as const },
    };
    const fresh = run(household({ ...base, adults: [{ age: 40, lcwra: true }] }));
    const old = run(
      household({ ...base, adults: [{ age: 40, lcwra: true, lcwraFromBefore2026: true }] }),
    );
    expect(fresh.outOfWork.universalCredit).toBe(642.16);
    expect(fresh.inWork.universalCredit).toBe(642.16);
    expect(old.outOfWork.universalCredit).toBe(854.7);
    expect(old.inWork.universalCredit).toBe(854.7);
    expect(fresh.betterOffMonthly).toBe(550.77);
    expect(old.betterOffMonthly).toBe(550.77);
  });

  it('12. carer element for a partner; no work allowance for caring alone', () => {
    // Max 628.10 + 201.68 + 600.00 = 1,429.78.
    // 20 h × 13.00 = 260.00; × 52 / 12 = 1,126.6667 → 1,126.67; annual 13,520.
    // Tax 950 × 20% = 190 / 12 = 15.8333 → 15.83; NI 950 × 8% = 76 / 12 = 6.3333 → 6.33.
    // Pension QE 606.67: 4% = 24.2668 → 24.27; 5% = 30.3335 → 30.33.
    // Take-home 1,126.67 − 15.83 − 6.33 − 24.27 = 1,080.24; earned 1,074.18.
    // 55% × 1,074.18 = 590.799 → 590.80; UC in 1,429.78 − 590.80 = 838.98.
    // In 1,080.24 + 838.98 = 1,919.22; better off 1,919.22 − 1,429.78 = 489.44.
    const out = run(
      household({
        adults: [{ age: 45 }, { age: 43, carer: true }],
        housing: { tenure: 'social', rentMonthly: 600 },
        job: { hoursPerWeek: 20, hourlyWage: 13 },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(1429.78);
    expect(out.inWork.takeHomePay).toBe(1080.24);
    expect(out.inWork.universalCredit).toBe(838.98);
    expect(out.betterOffMonthly).toBe(489.44);
  });

  it('13. LCWRA and caring for the same person: only the higher LCWRA element', () => {
    // 400.14 + 423.27 = 823.41 (no carer element). 8 h × 12.21 = 97.68; × 52 / 12 = 423.28.
    // Work allowance 684 covers it; UC 823.41 in and out; better off 423.28.
    const out = run(
      household({
        adults: [{ age: 50, lcwra: true, carer: true }],
        job: { hoursPerWeek: 8, pension: 'none' },
      }),
    );
    expect(out.outOfWork.universalCredit).toBe(823.41);
    expect(out.inWork.universalCredit).toBe(823.41);
    expect(out.betterOffMonthly).toBe(423.28);
  });

  it('14. childcare over the one-child cap', () => {
    // 37.5 × 12.21 = 457.875 → 457.88 a week; × 52 / 12 = 1,984.1467 → 1,984.15; annual 23,809.76.
    // Tax 11,239.76 × 20% = 2,247.952 → 2,247.95 / 12 = 187.329 → 187.33.
    // NI 11,239.76 × 8% = 899.1808 → 899.18 / 12 = 74.9317 → 74.93.
    // Pension QE 1,464.15: 4% = 58.566 → 58.57; 5% = 73.2075 → 73.21.
    // Take-home 1,984.15 − 187.33 − 74.93 − 58.57 = 1,663.32; earned 1,648.68.
    // Childcare 85% × 1,500 = 1,275 over the cap: 1,031.88. Max in 400.14 + 292.81 + 1,031.88 = 1,724.83.
    // Work allowance 684: 55% × 964.68 = 530.574 → 530.57; UC in 1,194.26.
    // Child Benefit 26.05 × 52 / 12 = 112.8833 → 112.88.
    // Out 400.14 + 292.81 + 112.88 = 805.83; in 1,663.32 + 1,194.26 + 112.88 − 1,500 = 1,470.46; better off 664.63.
    const out = run(
      household({
        children: [{ birthDate: '2023-02-01' }],
        childcareMonthly: { outOfWork: 0, inWork: 1500 },
        job: { hoursPerWeek: 37.5 },
      }),
    );
    expect(out.inWork.takeHomePay).toBe(1663.32);
    expect(out.inWork.universalCredit).toBe(1194.26);
    expect(out.outOfWork.income).toBe(805.83);
    expect(out.inWork.income).toBe(1470.46);
    expect(out.betterOffMonthly).toBe(664.63);
    expect(out.warnings.join(' ')).toContain('over the cap');
  });

  it('15. savings between the limits: tariff income for each £250 or part', () => {
    // 10,100 − 6,000 = 4,100 = 16.4 steps → 17 × 4.35 = 73.95 a month.
    // Out of work 400.14 − 73.95 = 326.19. In work 400.14 − 456.63 − 73.95 < 0 → 0.
    // Better off 833.50 − 326.19 = 507.31.
    const out = run(household({ savings: 10_100, job: { hoursPerWeek: 16 } }));
    expect(out.outOfWork.universalCredit).toBe(326.19);
    expect(out.inWork.universalCredit).toBe(0);
    expect(out.betterOffMonthly).toBe(507.31);
  });

  it('16. Scottish income tax, 2025-26 and 2026-27 bands', () => {
    // Salary 30,000: 2,500.00 a month; taxable 17,430.
    // 2025-26: 19% × 2,827 = 537.13; 20% × 12,094 = 2,418.80; 21% × 2,509 = 526.89;
    // total 3,482.82 / 12 = 290.235 → 290.24. (The rest of the UK: 17,430 × 20% = 3,486 / 12 = 290.50.)
    // 2026-27: 19% × 3,967 = 753.73; 20% × 12,989 = 2,597.80; 21% × 474 = 99.54; 3,451.07 / 12 = 287.589 → 287.59.
    // NI 17,430 × 8% = 1,394.40 / 12 = 116.20. Pension QE 1,980: 4% = 79.20.
    // Take-home 2025-26 (Scotland) 2,500 − 290.24 − 116.20 − 79.20 = 2,014.36.
    const job = { hoursPerWeek: undefined, hourlyWage: undefined, annualSalary: 30_000 };
    const scot = run(household({ country: 'scotland', adults: [{ age: 35 }], job }));
    const eng = run(household({ country: 'england', adults: [{ age: 35 }], job }));
    const scot27 = run(
      household({ taxYear: '2026-27', country: 'scotland', adults: [{ age: 35 }], job }),
    );
    expect(scot.inWork.incomeTax).toBe(290.24);
    expect(eng.inWork.incomeTax).toBe(290.5);
    expect(scot27.inWork.incomeTax).toBe(287.59);
    expect(scot.inWork.nationalInsurance).toBe(116.2);
    expect(scot.inWork.takeHomePay).toBe(2014.36);
    expect(scot.betterOffMonthly).toBe(1614.22);
  });

  it('17. relief at source, net pay and opted out: same job, different pension', () => {
    // Private rent 900, LHA 410.45; max 810.59. 30 h × 12.21 = 1,587.30 a month.
    // Relief at source: case 1, income 1,443.53.
    // Net pay: 5% = 53.37 before tax; relief 640.44 a year; tax (19,047.60 − 640.44 − 12,570) × 20%
    //   = 1,167.432 → 1,167.43 / 12 = 97.2858 → 97.29. Take-home 1,587.30 − 97.29 − 43.18 − 53.37 = 1,393.46
    //   = UC earned; 55% = 766.403 → 766.40; UC 44.19; income 1,437.65.
    // Opted out: take-home 1,587.30 − 107.96 − 43.18 = 1,436.16; 55% = 789.888 → 789.89; UC 20.70; income 1,456.86.
    const housing = { tenure: 'private' as const, rentMonthly: 900, lhaMonthly: 410.45 };
    const ras = run(household({ housing }));
    const npa = run(household({ housing, job: { pension: 'net-pay' } }));
    const none = run(household({ housing, job: { pension: 'none' } }));
    expect([ras.inWork.pension, npa.inWork.pension, none.inWork.pension]).toEqual([
      42.69, 53.37, 0,
    ]);
    expect([ras.inWork.incomeTax, npa.inWork.incomeTax, none.inWork.incomeTax]).toEqual([
      107.96, 97.29, 107.96,
    ]);
    expect(npa.inWork.takeHomePay).toBe(1393.46);
    expect([
      ras.inWork.universalCredit,
      npa.inWork.universalCredit,
      none.inWork.universalCredit,
    ]).toEqual([50.06, 44.19, 20.7]);
    expect([ras.inWork.income, npa.inWork.income, none.inWork.income]).toEqual([
      1443.53, 1437.65, 1456.86,
    ]);
  });

  it('18. London benefit cap: capped out of work; in work under the exemption threshold but under the cap', () => {
    // Max 400.14 + min(1,500, 1,200) = 1,600.14; London single cap 1,413.92 → reduction 186.22.
    // In work (16 h × 12.21): earned 830.23 < 846, so not exempt; 1,600.14 − 456.63 = 1,143.51, under the cap.
    // Out 1,413.92; in 833.50 + 1,143.51 = 1,977.01; better off 563.09.
    // Outside London the single cap is 1,229.42 → reduction 370.72.
    const housing = { tenure: 'private' as const, rentMonthly: 1500, lhaMonthly: 1200 };
    const london = run(household({ london: true, housing, job: { hoursPerWeek: 16 } }));
    const elsewhere = run(household({ london: false, housing, job: { hoursPerWeek: 16 } }));
    expect(london.outOfWork.benefitCapReduction).toBe(186.22);
    expect(london.outOfWork.universalCredit).toBe(1413.92);
    expect(london.inWork.benefitCapReduction).toBe(0);
    expect(london.inWork.universalCredit).toBe(1143.51);
    expect(london.betterOffMonthly).toBe(563.09);
    expect(elsewhere.outOfWork.benefitCapReduction).toBe(370.72);
  });

  it('19. the cap is applied in work below the earnings threshold, but never into the childcare element', () => {
    // Three children born before April 2017: 339.00 + 292.81 + 292.81 = 924.62; LHA 1,800.
    // Childcare 85% × 2,200 = 1,870 → cap 1,768.94. Max in 400.14 + 924.62 + 1,800 + 1,768.94 = 4,893.70.
    // 10 h × 12.21 = 122.10; × 52 / 12 = 529.10 (no tax, NI or pension). Work allowance 411:
    // 55% × 118.10 = 64.955 → 64.96. Award 4,828.74; with Child Benefit 262.38 it is 5,091.12,
    // 3,256.12 over the cap, but only 4,828.74 − 1,768.94 = 3,059.80 may go: UC 1,768.94.
    // Out of work: 3,124.76 + 262.38 − 1,835 = 1,552.14 off → UC 1,572.62.
    const out = run(
      household({
        children: [
          { birthDate: '2015-01-01' },
          { birthDate: '2016-01-01' },
          { birthDate: '2017-01-01' },
        ],
        housing: { tenure: 'private', rentMonthly: 2000, lhaMonthly: 1800 },
        childcareMonthly: { outOfWork: 0, inWork: 2200 },
        job: { hoursPerWeek: 10, pension: 'none' },
      }),
    );
    expect(out.inWork.benefitCapReduction).toBe(3059.8);
    expect(out.inWork.universalCredit).toBe(1768.94);
    expect(out.outOfWork.benefitCapReduction).toBe(1552.14);
    expect(out.outOfWork.universalCredit).toBe(1572.62);
    expect(out.betterOffMonthly).toBe(-1474.58);
  });

  it('20. social rent with spare bedrooms: 14% off for one, 25% for two', () => {
    // 500 × 14% = 70 → 430.00; 500 × 25% = 125 → 375.00. Single 30 out of work: 400.14 + housing.
    const one = run(
      household({ housing: { tenure: 'social', rentMonthly: 500, spareBedrooms: 1 } }),
    );
    const two = run(
      household({ housing: { tenure: 'social', rentMonthly: 500, spareBedrooms: 2 } }),
    );
    expect(one.outOfWork.universalCredit).toBe(830.14);
    expect(two.outOfWork.universalCredit).toBe(775.14);
  });

  it('21. childcare in a couple needs both in work, unless the other partner has LCWRA', () => {
    // One child (2021), no housing, 30 h × 12.21: earned 1,382.79; work allowance 684 (LCWRA couple also 684).
    // Both able to work: no childcare element: 628.10 + 292.81 − 55% × 698.79 (384.3345 → 384.33) = 536.58.
    // Partner with LCWRA: + 423.27 + 85% × 400 = 340.00 → 1,684.18 − 384.33 = 1,299.85.
    const base = {
      children: [{ birthDate: '2021-03-03' }],
      childcareMonthly: { outOfWork: 0, inWork: 400 },
    };
    const both = run(household({ ...base, adults: [{ age: 30 }, { age: 31 }] }));
    const lcwra = run(household({ ...base, adults: [{ age: 30 }, { age: 31, lcwra: true }] }));
    expect(both.inWork.universalCredit).toBe(536.58);
    expect(both.warnings.join(' ')).toContain('both partners must be in paid work');
    expect(lcwra.inWork.universalCredit).toBe(1299.85);
  });

  it('22. personal allowance taper over £100,000 and the 2% NI rate over the upper limit', () => {
    // Salary 105,000: PA 12,570 − 2,500 = 10,070; taxable 94,930:
    // 37,700 × 20% = 7,540 + 57,230 × 40% = 22,892 → 30,432 / 12 = 2,536.00.
    // NI 37,700 × 8% = 3,016 + 54,730 × 2% = 1,094.60 → 4,110.60 / 12 = 342.55.
    // Take-home 8,750 − 2,536 − 342.55 = 5,871.45.
    const out = run(
      household({
        job: {
          hoursPerWeek: undefined,
          hourlyWage: undefined,
          annualSalary: 105_000,
          pension: 'none',
        },
      }),
    );
    expect(out.inWork.incomeTax).toBe(2536);
    expect(out.inWork.nationalInsurance).toBe(342.55);
    expect(out.inWork.takeHomePay).toBe(5871.45);
  });

  it('23. minimum wage by age: 18 to 20, and 16 to 17', () => {
    // 19-year-old at 9.50 < 10.00; 17-year-old at 7.55 is at the rate; at 7.00 it is under.
    const young = run(household({ adults: [{ age: 19 }], job: { hourlyWage: 9.5 } }));
    const atRate = run(household({ adults: [{ age: 17 }], job: { hourlyWage: 7.55 } }));
    const under = run(household({ adults: [{ age: 17 }], job: { hourlyWage: 7 } }));
    expect(young.warnings.join(' ')).toContain('aged 18 to 20 (£10.00');
    expect(atRate.warnings.filter((w) => w.includes('minimum wage'))).toEqual([]);
    expect(under.warnings.join(' ')).toContain('aged 16 or 17 (£7.55');
  });

  it('24. travel to work comes off the in-work income', () => {
    // Case 1 with £60 travel: 1,443.53 − 60 = 1,383.53; better off 572.94.
    const out = run(
      household({
        housing: { tenure: 'private', rentMonthly: 900, lhaMonthly: 410.45 },
        travelToWorkMonthly: 60,
      }),
    );
    expect(out.inWork.travelToWork).toBe(60);
    expect(out.betterOffMonthly).toBe(572.94);
  });
});
