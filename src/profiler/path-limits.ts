/** Deeper objects are counted as objects but not walked into (a document 100 levels deep). */
export const deepestPath = 20;
/** Only the first elements of each array are profiled; they stand for the rest. */
export const arrayElementsProfiled = 50;
