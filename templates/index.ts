// The form profiles shipped with the app: one folder each (tables, rules, catalog, publication). Adding a profile
// is adding its folder and one line to this list; the code never changes for it.
import type { RawProfile } from './raw-profile';
import { profile as national2023 } from './2023';
import { profile as national2024 } from './national-2024';
import { profile as shanghai2024 } from './shanghai-2024';

export type { RawProfile } from './raw-profile';

export const profiles: readonly RawProfile[] = [national2023, national2024, shanghai2024];
