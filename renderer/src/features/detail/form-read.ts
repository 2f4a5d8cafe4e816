/** Form fields read from the body at a time: enough to page through quickly, few enough to parse in a few ms. */
export const FORM_READ = 10_000;
