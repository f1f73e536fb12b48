/**
 * Generates realistic workflow workspaces of any size for the benchmarks: an organization of
 * teams and systems, and workflows whose steps hand work between teams through systems, with
 * decisions, rework loops and ends.
 */

export const TEAMS = 10;
export const SYSTEMS = 5;

export function organizationText(): string {
    const lines: string[] = [];
    for (let t = 0; t < TEAMS; t++) {
        lines.push(
            `team Team${t} "Team number ${t}" {\n  role Lead\n  role Worker "Does the work"\n  person p${t} "Person ${t}" as Worker\n}`,
        );
    }
    for (let s = 0; s < SYSTEMS; s++) {
        lines.push(`system Sys${s} "System ${s}" {\n  owner Team${s}.Lead\n}`);
    }
    return lines.join('\n\n') + '\n';
}

/** One workflow of `nodes` nodes (steps, every tenth a decision, one end), in the language. */
export function workflowText(name: string, nodes: number): string {
    const lines = [
        `workflow ${name} "Generated workflow ${name}" {`,
        `  owner Team0.Lead`,
        `  trigger "Generated"`,
        `  sla ${Math.max(1, nodes)}w`,
    ];
    for (let i = 0; i < nodes - 1; i++) {
        const team = `Team${i % TEAMS}`;
        const system = `Sys${i % SYSTEMS}`;
        const next = i + 1 < nodes - 1 ? `S${i + 1}` : 'Done';
        if (i % 10 === 9) {
            lines.push(
                `  decision S${i} "Check ${i}" {\n    owner ${team}.Lead\n    duration 1h\n    when "ok" -> ${next} via ${system}\n    when "redo" -> S${i - 3} via ${system}\n    otherwise -> Done\n  }`,
            );
        } else {
            lines.push(
                `  step S${i} "Step ${i}" {\n    owner ${team}.Worker\n    uses ${system}\n    duration 2h\n    next ${next} via ${system}\n  }`,
            );
        }
    }
    lines.push(`  end Done "Finished"`, `}`);
    return lines.join('\n') + '\n';
}

/** One workflow of `steps` steps one after the other, each handed to the next team, and an end. */
export function chainText(name: string, steps: number): string {
    const lines = [`workflow ${name} "A chain of ${steps} steps" {`, `  owner Team0.Lead`, `  trigger "Generated"`];
    for (let i = 0; i < steps; i++) {
        const next = i + 1 < steps ? `S${i + 1}` : 'Done';
        lines.push(`  step S${i} "Step ${i}" {\n    owner Team${i % TEAMS}.Worker\n    duration 1h\n    next ${next}\n  }`);
    }
    lines.push(`  end Done "Finished"`, `}`);
    return lines.join('\n') + '\n';
}

/** The same workspace as plain JSON, for the `JSON.parse` floor. */
export function workflowJson(name: string, nodes: number): string {
    const steps = [];
    for (let i = 0; i < nodes - 1; i++) {
        const next = i + 1 < nodes - 1 ? `S${i + 1}` : 'Done';
        steps.push(
            i % 10 === 9
                ? {
                      kind: 'decision',
                      name: `S${i}`,
                      title: `Check ${i}`,
                      owner: `Team${i % TEAMS}.Lead`,
                      duration: '1h',
                      branches: [
                          { when: 'ok', to: next, via: `Sys${i % SYSTEMS}` },
                          { when: 'redo', to: `S${i - 3}`, via: `Sys${i % SYSTEMS}` },
                          { otherwise: true, to: 'Done' },
                      ],
                  }
                : {
                      kind: 'step',
                      name: `S${i}`,
                      title: `Step ${i}`,
                      owner: `Team${i % TEAMS}.Worker`,
                      uses: [`Sys${i % SYSTEMS}`],
                      duration: '2h',
                      next: [{ to: next, via: `Sys${i % SYSTEMS}` }],
                  },
        );
    }
    steps.push({ kind: 'end', name: 'Done', title: 'Finished' });
    return JSON.stringify({
        workflows: [
            { name, title: `Generated workflow ${name}`, owner: 'Team0.Lead', trigger: 'Generated', sla: `${nodes}w`, nodes: steps },
        ],
    });
}
