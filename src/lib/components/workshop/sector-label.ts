import { m } from '$lib/paraglide/messages';
import type { Sector } from '$lib/domain/sectors';

const labels: Record<Sector, () => string> = {
	social_assistance: m.sector_social_assistance,
	labour_market: m.sector_labour_market,
	education: m.sector_education,
	health: m.sector_health,
	police: m.sector_police,
	courts: m.sector_courts,
	culture: m.sector_culture,
	ngo: m.sector_ngo,
	social_economy: m.sector_social_economy,
	local_government: m.sector_local_government,
	other: m.sector_other
};

/** The translated name of a sector, for selects and rosters. */
export function sectorLabel(sector: Sector): string {
	return labels[sector]();
}
