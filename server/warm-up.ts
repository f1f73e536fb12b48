/**
 * Runs the language's code once before the server reads its first message. Langium creates the
 * parser (a grammar analysis of some tens of milliseconds) on first use, computes the parser's
 * lookahead for each alternative of the grammar the first time it meets it, and the linker and
 * validators run interpreted until they have run a while: otherwise the first file the user opens
 * pays for all of it. Here, while the editor is still sending `initialize`, the server's own
 * parser parses a small workflow that uses every rule of the grammar (that touches no document),
 * and a throwaway workspace in memory builds it through every phase.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import { EmptyFileSystem } from 'langium';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';

export const WARM_UP_SAMPLE = `team Sales "Sales" {
  role Lead "Leads"
  role Clerk;
  person ann "Ann" as Lead
}
system Crm "CRM" {
  owner Sales.Lead
  access Sales, Sales
}
/* a block comment */
workflow Check "Check" {
  owner Sales.ann
  end Checked
}
// a line comment
workflow Order "Order" {
  owner Sales.Lead
  trigger "Order arrives"
  sla 2d
  step Take "Take the order" {
    owner Sales.Lead
    uses Crm, Crm
    duration 1h..2h..4h
    escalate after 1d to Sales.Lead
    next Check via Crm, Done
  }
  decision Check "Complete?" {
    owner Sales
    automated by Crm
    calls Check
    duration 30m..1h
    when "yes" 80% -> Done via Crm
    otherwise -> Take
  }
  end Done "Done"
}
`;

/** The sample without ranges and likelihoods, so that its build runs no simulation. */
export const CERTAIN_SAMPLE = WARM_UP_SAMPLE.replace(/(\d+[mhdw])(?:\.\.\d+[mhdw])+/g, '$1').replace(/ \d+% /g, ' ');

export function warmUpParser(shared: LangiumSharedServices, rounds = 20): void {
    for (const services of shared.ServiceRegistry.all) {
        for (let i = 0; i < rounds; i++) services.parser.LangiumParser.parse(WARM_UP_SAMPLE);
    }
}

/** Builds the sample in a workspace of its own, a few times; never fails. */
export async function warmUpBuild(rounds = 3): Promise<void> {
    try {
        // One workspace (one more parser to create), a new file each round.
        const services = createWorkflowServices(EmptyFileSystem).Workflow;
        for (let i = 0; i < rounds; i++) await buildWorkspace([{ uri: `memory:///warm-up-${i}.workflow`, text: CERTAIN_SAMPLE }], services);
    } catch {
        // Only a head start: the server works the same without it.
    }
}
