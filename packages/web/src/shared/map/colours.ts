/** Point colours shared by the map layer and its legend. */
export const SEZ_COLOUR = '#e8590c';
export const SITE_COLOUR = '#6741d9';
