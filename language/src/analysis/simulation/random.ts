/**
 * Seeded random numbers that are the same on every platform: xoshiro128** on 32-bit integers
 * (`Math.imul`, shifts), seeded through splitmix32. No `Math.random`, no floating point in the
 * generator itself; the distributions built on it use `Math.sqrt` (exact in IEEE 754) and
 * `Math.log` (V8's port of fdlibm, the same in Node and in every Chromium-based host).
 */

/** splitmix32: spreads one 32-bit seed over well-mixed words, as xoshiro's authors advise. */
function splitmix32(state: { value: number }): number {
    state.value = (state.value + 0x9e3779b9) | 0;
    let z = state.value;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

export class Random {
    private s0: number;
    private s1: number;
    private s2: number;
    private s3: number;
    /** The second normal deviate of the polar method, kept for the next call. */
    private spare = 0;
    private hasSpare = false;

    /** Any integer seed; it is taken modulo 2^32. */
    constructor(seed: number) {
        const state = { value: seed >>> 0 };
        this.s0 = splitmix32(state);
        this.s1 = splitmix32(state);
        this.s2 = splitmix32(state);
        this.s3 = splitmix32(state);
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    }

    /** The next 32 random bits, as an unsigned integer. */
    nextUint32(): number {
        const s1 = this.s1;
        const product = Math.imul(s1, 5);
        const result = Math.imul((product << 7) | (product >>> 25), 9);
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
        return result >>> 0;
    }

    /** Uniform on the open interval (0, 1): never 0, so its logarithm is finite. */
    uniform(): number {
        return (this.nextUint32() + 0.5) / TWO_POW_32;
    }

    /** A standard normal deviate (Marsaglia's polar method). */
    normal(): number {
        if (this.hasSpare) {
            this.hasSpare = false;
            return this.spare;
        }
        let u: number;
        let v: number;
        let s: number;
        do {
            u = 2 * this.uniform() - 1;
            v = 2 * this.uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s === 0);
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * factor;
        this.hasSpare = true;
        return u * factor;
    }

    /**
     * A Gamma(shape, 1) deviate for shape >= 1 (Marsaglia and Tsang, 2000), given
     * `d = shape - 1/3` and `c = 1 / sqrt(9 d)`; the squeeze test spares the logarithm in most draws.
     */
    gamma(d: number, c: number): number {
        for (;;) {
            const x = this.normal();
            let v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            const u = this.uniform();
            const x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) return d * v;
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}

/** `d` and `c` of `Random.gamma` for a shape >= 1. */
export function gammaConstants(shape: number): { d: number; c: number } {
    const d = shape - 1 / 3;
    return { d, c: 1 / Math.sqrt(9 * d) };
}
