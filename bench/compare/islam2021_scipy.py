#!/usr/bin/env python3
"""Independent SciPy run of the Islam et al. 2021 butyrate model, the way its original code runs it.

Written for osteobiome from the specification in published-models.md section 1 (not from the original code):
start-up constants with fsolve from (0.1, 0.1, 0.1), odeint (LSODA, default tolerances) on the grid
np.arange(0, 14, 0.001) per cycle, and the cycle hand-off of the original. Prints the day-28 values of every
case and the median wall time of one 2-cycle run, as a side-by-side reference for `osteobiome simulate`.

Usage: python3 islam2021_scipy.py [repeats]
"""
import sys
import time

import numpy as np
from scipy.integrate import odeint
from scipy.optimize import fsolve

f_B, f_b, f_B_plus = 0.13, 0.42, 0.16
bI_star, bB_star, bb_star = 0.18, 0.29, 0.29
b_minus, mu_N, mu_T, mu_beta, mu_W, mu_B = 0.1718, 0.02, 0.064, 2.0, 2.0, 166.3
V_beta, k_beta, rho_W = 6.0, 0.489, 1.64
alpha1, alpha2, alpha3, beta1, delta_P, beta2, alpha4, beta3 = 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1
K_S, eps, k1, k2, rho = 200.0, 1.0, 0.698331, 0.015445, 20.0
k_g1, k_g2, k_g3, k_g4 = 0.215, 0.0298, 0.00128, 8.42
case_constant = {3: 0.0503, 4: 0.194, 5: 1.03, 6: 0.0709, 7: 0.00336, 8: 0.00884, 9: 0.403}

T_B0 = f_B / (1 - f_B)
T_b0 = f_b / (1 - f_b)
T_B_plus = f_B_plus / (1 - f_B_plus)


def treg_balance(x):
    delta, t_i0, gamma = x
    return [b_minus * gamma - (delta + mu_T) * t_i0,
            delta * t_i0 - (mu_T + delta) * T_B0 + b_minus * gamma,
            delta * T_B0 - mu_T * T_b0 + b_minus * gamma]


delta, T_I0, gamma = fsolve(treg_balance, [0.1, 0.1, 0.1], xtol=1e-14)
A23 = mu_B * bb_star / bB_star
A12 = (mu_B + A23) * bB_star / bI_star
x_new, b_plus = np.linalg.solve([[-(delta + mu_T), bI_star], [delta, bB_star]],
                                [-b_minus * gamma, (mu_T + delta) * T_B_plus - b_minus * gamma])
naive_influx = b_minus * gamma + mu_N


def rhs(y, t, case, dose):
    bI, bB, bb, NI, NB, Nb, TI, TB, Tb, beta, W, S, P, B, C, z = y
    F_B = (mu_B + A12) * dose
    bB_d = A12 * dose / (mu_B + A23)
    bb_d = bB_d * A23 / mu_B
    r = Tb / T_b0 - 1
    sigma = 100.0 / 14.0
    g = max(1 - S / K_S, 0.0)
    h = (W - 1) / ((W - 1) + k_g4)
    kc = case_constant.get(case, 0.0)
    b1 = beta1 + (kc * bb if case == 4 else 0)
    diff = k_g1 * h + (kc * bb if case == 5 else 0)
    a4 = alpha4 - (kc * C if case == 7 else 0)
    kk1 = k1 - (kc * bb if case == 9 else 0)
    kk2 = k2 + (kc * bb if case == 8 else 0)
    return [
        F_B - (mu_B + A12) * bI,
        A12 * bI - (mu_B + A23) * bB,
        A23 * bB - mu_B * bb,
        naive_influx + b_plus * dose - (b_minus * gamma + mu_N) * NI - b_plus * NI * bI,
        naive_influx + b_plus * bB_d - (b_minus * gamma + mu_N) * NB - b_plus * NB * bB,
        naive_influx + b_plus * bb_d - (b_minus * gamma + mu_N) * Nb - b_plus * Nb * bb,
        b_minus * gamma * NI + b_plus * NI * bI - (delta + mu_T) * TI,
        delta * TI - (mu_T + delta) * TB + b_minus * gamma * NB + b_plus * NB * bB,
        delta * TB - mu_T * Tb + b_minus * gamma * Nb + b_plus * Nb * bb,
        mu_beta * (1 - beta) + V_beta * r / (k_beta - r),
        mu_W * (1 - W) + rho_W * (beta - 1),
        sigma * alpha1 * B * g,
        sigma * (alpha2 * S ** 2 * g + alpha3 * P * g + k_g2 * h * P - b1 * P * C - diff * P - delta_P * P),
        sigma * (-alpha1 * B * g + b1 * P * C + diff * P - (beta2 - k_g3 * h) * B + (kc * bb * B if case == 3 else 0)),
        sigma * (a4 * S * P / (eps + B) * g - beta3 * C - (kc * bb * C if case == 6 else 0)),
        sigma * (-kk1 * C + kk2 * B),
    ]


def run(case, cycles=2):
    dose = 0.0 if case == 1 else 0.18
    y = np.array([0, 0, 0, 1, 1, 1, T_I0, T_B0, T_b0, 1, 1, K_S - rho, 0, 0, 0, 100], dtype=float)
    grid = np.arange(0, 14, 0.001)
    for _ in range(cycles):
        sol = odeint(rhs, y, grid, args=(case, dose))
        y = sol[-1].copy()
        end = y.copy()
        y[11] = K_S - rho
        for i in (12, 13, 14, 15):
            if y[i] < 1:
                y[i] = 0.0
    return end


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("case\tbone_volume_pct\ttreg_bone_pct\ttgf_beta_fold\twnt10b_fold")
    for case in range(1, 10):
        y = run(case)
        print(f"{case}\t{y[15]:.10g}\t{100 * y[8] / (y[5] + y[8]):.10g}\t{y[9]:.10g}\t{y[10]:.10g}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(3)
        times.append(time.perf_counter() - start)
    print(f"# median wall time of one 2-cycle run of case 3 (odeint on the 0.001-day grid): {1000 * np.median(times):.1f} ms "
          f"over {repeats} runs; scipy {__import__('scipy').__version__}", file=sys.stderr)
