import './decode.css';
import { registerDecodeHovers } from './hover';

export { DecodedView } from './DecodedView';
export { DictionaryBrowser } from './DictionaryBrowser';
export { registerDecodeHovers } from './hover';
export { useCustomLabelsForHover } from './custom-labels';

// Label Ortto IDs in the raw view as soon as the feature is part of the UI.
registerDecodeHovers();
