/*
 * Islam et al. 2021 butyrate model (case 2: L. acidophilus dose 0.18, no case coupling) solved with SUNDIALS CVODE,
 * the variable-order BDF code labs reach for as the reference stiff solver. Written for osteobiome from the
 * specification in published-models.md section 1, with the same equations as islam2021_scipy.py.
 *
 * Like `osteobiome simulate islam2021-butyrate --set case=2` (cycle mode "original"): two 14-day cycles, each
 * integrated from 0 to 13.999 days with output every 0.1 day, then the cycle hand-off. CVODE: BDF, dense direct
 * solver with its own difference-quotient Jacobian (the model has no analytic one, as in osteobiome), scalar
 * tolerances, stop time at each cycle end.
 *
 * Usage: islam2021_cvode RTOL ATOL REPEATS
 * Prints the day-28 observables and, on standard error, the median wall time of one 28-day run.
 */
#include <cvode/cvode.h>
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdio.h>
#include <stdlib.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <time.h>

#define N 16
static const double f_B = 0.13, f_b = 0.42, f_B_plus = 0.16;
static const double bI_star = 0.18, bB_star = 0.29, bb_star = 0.29;
static const double b_minus = 0.1718, mu_N = 0.02, mu_T = 0.064, mu_beta = 2.0, mu_W = 2.0, mu_B = 166.3;
static const double V_beta = 6.0, k_beta = 0.489, rho_W = 1.64;
static const double alpha1 = 0.5, alpha2 = 0.1, alpha3 = 0.1, beta1 = 0.1, delta_P = 0.1, beta2 = 0.1, alpha4 = 0.1,
                    beta3 = 0.1;
static const double K_S = 200.0, eps = 1.0, k1 = 0.698331, k2 = 0.015445, rho = 20.0;
static const double k_g1 = 0.215, k_g2 = 0.0298, k_g3 = 0.00128, k_g4 = 8.42;
static const double dose = 0.18;

static double T_B0, T_b0, T_B_plus, delta, T_I0, gam, A12, A23, b_plus, naive_influx;

/* Start-up constants: the Treg balance solved in closed form (a quadratic in delta), then the 2x2 system. */
static void constants(void) {
    T_B0 = f_B / (1 - f_B);
    T_b0 = f_b / (1 - f_b);
    T_B_plus = f_B_plus / (1 - f_B_plus);
    double a = 3 * T_B0, b = mu_T * (3 * T_B0 - 2 * T_b0), c = mu_T * mu_T * (T_B0 - T_b0);
    delta = (-b + sqrt(b * b - 4 * a * c)) / (2 * a);
    double bg = mu_T * T_b0 - delta * T_B0; /* b_minus * gamma */
    gam = bg / b_minus;
    T_I0 = bg / (delta + mu_T);
    A23 = mu_B * bb_star / bB_star;
    A12 = (mu_B + A23) * bB_star / bI_star;
    /* [[-(delta + mu_T), bI*], [delta, bB*]] (x, b_plus) = (-bg, (mu_T + delta) T_B+ - bg) */
    double m11 = -(delta + mu_T), m12 = bI_star, m21 = delta, m22 = bB_star;
    double r1 = -bg, r2 = (mu_T + delta) * T_B_plus - bg;
    b_plus = (m11 * r2 - m21 * r1) / (m11 * m22 - m12 * m21);
    naive_influx = bg + mu_N;
}

static int rhs(sunrealtype t, N_Vector yv, N_Vector dv, void *data) {
    (void) t;
    (void) data;
    const double *y = N_VGetArrayPointer(yv);
    double *d = N_VGetArrayPointer(dv);
    double bI = y[0], bB = y[1], bb = y[2], NI = y[3], NB = y[4], Nb = y[5], TI = y[6], TB = y[7], Tb = y[8];
    double beta = y[9], W = y[10], S = y[11], P = y[12], B = y[13], C = y[14];
    double F_B = (mu_B + A12) * dose;
    double bB_d = A12 * dose / (mu_B + A23);
    double bb_d = bB_d * A23 / mu_B;
    double r = Tb / T_b0 - 1;
    double sigma = 100.0 / 14.0;
    double g = fmax(1 - S / K_S, 0.0);
    double h = (W - 1) / ((W - 1) + k_g4);
    double bg = b_minus * gam;
    d[0] = F_B - (mu_B + A12) * bI;
    d[1] = A12 * bI - (mu_B + A23) * bB;
    d[2] = A23 * bB - mu_B * bb;
    d[3] = naive_influx + b_plus * dose - (bg + mu_N) * NI - b_plus * NI * bI;
    d[4] = naive_influx + b_plus * bB_d - (bg + mu_N) * NB - b_plus * NB * bB;
    d[5] = naive_influx + b_plus * bb_d - (bg + mu_N) * Nb - b_plus * Nb * bb;
    d[6] = bg * NI + b_plus * NI * bI - (delta + mu_T) * TI;
    d[7] = delta * TI - (mu_T + delta) * TB + bg * NB + b_plus * NB * bB;
    d[8] = delta * TB - mu_T * Tb + bg * Nb + b_plus * Nb * bb;
    d[9] = mu_beta * (1 - beta) + V_beta * r / (k_beta - r);
    d[10] = mu_W * (1 - W) + rho_W * (beta - 1);
    d[11] = sigma * alpha1 * B * g;
    d[12] = sigma * (alpha2 * S * S * g + alpha3 * P * g + k_g2 * h * P - beta1 * P * C - k_g1 * h * P - delta_P * P);
    d[13] = sigma * (-alpha1 * B * g + beta1 * P * C + k_g1 * h * P - (beta2 - k_g3 * h) * B);
    d[14] = sigma * (alpha4 * S * P / (eps + B) * g - beta3 * C);
    d[15] = sigma * (-k1 * C + k2 * B);
    return 0;
}

static void fail(const char *what, int flag) {
    fprintf(stderr, "islam2021_cvode: %s failed (%d)\n", what, flag);
    exit(2);
}

/* One 28-day run; writes the state at the end of the second cycle into out. */
static void run(SUNContext ctx, double rtol, double atol, double *out, long *steps) {
    N_Vector y = N_VNew_Serial(N, ctx);
    double *v = N_VGetArrayPointer(y);
    double initial[N] = {0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, K_S - rho, 0, 0, 0, 100};
    initial[6] = T_I0;
    initial[7] = T_B0;
    initial[8] = T_b0;
    for (int i = 0; i < N; i++) v[i] = initial[i];
    void *mem = CVodeCreate(CV_BDF, ctx);
    int flag = CVodeInit(mem, rhs, 0.0, y);
    if (flag) fail("CVodeInit", flag);
    CVodeSStolerances(mem, rtol, atol);
    SUNMatrix A = SUNDenseMatrix(N, N, ctx);
    SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
    CVodeSetLinearSolver(mem, LS, A);
    CVodeSetMaxNumSteps(mem, 1000000);
    double outputs[N];
    *steps = 0;
    for (int cycle = 0; cycle < 2; cycle++) {
        const double end = 13.999;
        CVodeSetStopTime(mem, end);
        double t = 0;
        for (int k = 1; k <= 140; k++) {
            double tout = k < 140 ? 0.1 * k : end;
            flag = CVode(mem, tout, y, &t, CV_NORMAL);
            if (flag < 0) fail("CVode", flag);
            outputs[0] = v[15]; /* the output rows a simulate run writes */
        }
        long nst;
        CVodeGetNumSteps(mem, &nst);
        *steps += nst;
        for (int i = 0; i < N; i++) out[i] = v[i];
        if (cycle == 0) { /* hand-off to the next cycle */
            v[11] = K_S - rho;
            for (int i = 12; i <= 15; i++) if (v[i] < 1) v[i] = 0.0;
            CVodeReInit(mem, 0.0, y);
        }
    }
    (void) outputs;
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
    CVodeFree(&mem);
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: islam2021_cvode RTOL ATOL REPEATS\n");
        return 1;
    }
    double rtol = atof(argv[1]), atol = atof(argv[2]);
    int repeats = atoi(argv[3]);
    SUNContext ctx;
    SUNContext_Create(NULL, &ctx);
    constants();
    double y[N];
    long steps = 0;
    double *times = malloc(sizeof(double) * (repeats > 0 ? repeats : 1));
    for (int i = 0; i < 20; i++) run(ctx, rtol, atol, y, &steps); /* warm caches */
    for (int i = 0; i < repeats; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        run(ctx, rtol, atol, y, &steps);
        clock_gettime(CLOCK_MONOTONIC, &b);
        times[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    qsort(times, repeats, sizeof(double), compare);
    printf("bone_volume_pct\ttreg_bone_pct\ttgf_beta_fold\twnt10b_fold\n");
    printf("%.12g\t%.12g\t%.12g\t%.12g\n", y[15], 100 * y[8] / (y[5] + y[8]), y[9], y[10]);
    if (repeats > 0) {
        fprintf(stderr, "cvode median %.4f ms over %d runs, %ld steps, sundials %s\n", times[repeats / 2], repeats, steps,
                SUNDIALS_VERSION);
    }
    free(times);
    SUNContext_Free(&ctx);
    return 0;
}
