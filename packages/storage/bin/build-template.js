#!/usr/bin/env node
// Run by `npm run build`: makes the migrated empty store that new data directories copy.
import { buildEmptyStoreTemplate } from '../dist/empty-store-template.js';

await buildEmptyStoreTemplate();
