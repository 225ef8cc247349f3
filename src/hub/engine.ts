/** The worker's one link to the engine (see engine-link.ts). */
import { loadEngineConfig } from './engine-config.ts';
import { createEngineLink } from './engine-link.ts';

export const engine = createEngineLink(loadEngineConfig);
