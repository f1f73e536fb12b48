/**
 * `npm run bench`: the language benchmark and the preview benchmark, each table printed beside
 * its same-run baseline, and the layout quality table. `npm run bench -- language`, `-- completion`,
 * `-- patches`, `-- server`, `-- bundle`, `-- preview`, `-- quality`, `-- org` or `-- simulation` runs a part.
 */
import { bundleBench } from './bundle-bench.js';
import { completionBench, languageBench } from './language-bench.js';
import { layoutQualityBench } from './layout-quality-bench.js';
import { orgMapBench } from './org-map-bench.js';
import { patchesBench } from './patches-bench.js';
import { previewBench } from './preview-bench.js';
import { simulationBench } from './simulation-bench.js';
import { serverBench } from './server-bench.js';

const only = process.argv[2];
if (!only || only === 'language') await languageBench();
if (!only || only === 'language' || only === 'completion') await completionBench();
if (!only || only === 'patches') await patchesBench();
if (!only || only === 'server') await serverBench(process.argv[3]);
if (!only || only === 'bundle') await bundleBench();
if (!only || only === 'preview') await previewBench();
if (!only || only === 'quality') await layoutQualityBench();
if (!only || only === 'org') await orgMapBench();
if (!only || only === 'simulation') await simulationBench();
