/** Brand constants shared by the theme and a few hand-styled elements. */
export const BRAND_COLOR = '#f4442e';
export const SIDER_BG = '#15171c';
