import { enFirstLayer } from './en-first-layer.js';
import { nlFirstLayer } from './nl-first-layer.js';
import { partFirstLayers, withSiteTexts } from './index.js';
import type { ConsentStrings, FirstLayerStrings } from './strings.js';

/** The views' own first-layer texts, by the `lang` of the strings they go with. */
export const firstLayerLanguages: Record<string, FirstLayerStrings> = { nl: nlFirstLayer, en: enFirstLayer };

/** The first layer's texts that go with the strings' language. */
export function firstLayerFor(strings: ConsentStrings): FirstLayerStrings {
  return withSiteTexts(firstLayerLanguages[strings.lang] ?? partFirstLayers[strings.lang] ?? enFirstLayer, strings.lang);
}
