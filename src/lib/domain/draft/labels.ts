import type { Gap } from '../need-gap-matrix/gap';
import type { NeedValue, OfferValue } from '../need-gap-matrix/schema';
import type { Bearer, Horizon, Likelihood } from '../inaction-cards/schema';
import type { Sector } from '../sectors';
import type { TreeKind } from '../problem-tree/schema';
import type { TreeRole } from '../problem-tree/derive';
import type { DraftLanguage, SectionId } from './model';

/**
 * The fixed words of the document, in the document's language. Not Paraglide messages: a draft
 * follows its process's language (Polish by default), whatever language the person exporting
 * uses, and a saved version must render the same words every time.
 */
export interface DraftLabels {
	sections: Record<SectionId, string>;
	tableOfContents: string;
	titlePeriod: string;
	titleDate: string;
	titleVersion: string;
	livePreview: string;
	area: string;
	noArea: string;
	strategicGoal: string;
	specificGoals: string;
	actionDirections: string;
	actionColumns: { number: string; description: string; timeframe: string; indicator: string };
	involvedEntities: string;
	action: (actionNumber: number) => string;
	responsible: string;
	funding: string;
	sources: string;
	problemTree: string;
	objectiveTree: string;
	evidence: string;
	inactionCards: string;
	cardColumns: { area: string; text: string; bearers: string; cost: string; horizon: string };
	yearlyCostTotal: string;
	cardsWithoutEstimate: string;
	largestGaps: string;
	gapColumns: { group: string; service: string; column: string; gap: string; priority: string };
	fullMatrixInAnnex: string;
	matrixAnnex: string;
	otherGroup: string;
	indicatorList: string;
	indicatorColumns: { action: string; name: string; unit: string; baseline: string; target: string; source: string };
	splitBySex: string;
	workshopsHeld: string;
	participantsTotal: string;
	bySector: string;
	byInstitution: string;
	byGender: { title: string; women: string; men: string; notGiven: string };
	noContent: string;
	annex: (n: number) => string;
	treeRoles: Record<TreeKind, Record<TreeRole, string>>;
	/** The tree diagram's legend and its text alternative (the tree's outline in words). */
	treeDiagram: {
		/** Roles in the plural, for the legend and for "Causes of …". */
		legend: Record<TreeKind, Record<TreeRole, string>>;
		/** The core as the object of "Causes of …": "problemu głównego". */
		coreOf: Record<TreeKind, string>;
		groupOf: (roles: string, parent: string) => string;
		quote: (text: string) => string;
		emptyBox: string;
		/** Opens the text alternative: "Schemat" + the tree's heading. */
		diagram: string;
		/** A large tree is printed in parts: "część 2 z 5". */
		part: (n: number, of: number) => string;
	};
	workshopColumns: { title: string; date: string; participants: string };
	countColumns: { sector: string; institution: string; count: string };
	sectors: Record<Sector, string>;
	sourceKinds: { treeBox: string; matrixCell: string; matrixRow: string; inactionCard: string; missing: string };
	bearers: Record<Bearer, string>;
	horizons: Record<Horizon, string>;
	likelihoods: Record<Likelihood, string>;
	gaps: Record<Gap, string>;
	needs: Record<Exclude<NeedValue, ''>, string>;
	offers: Record<Exclude<OfferValue, ''>, string>;
}

const pl: DraftLabels = {
	sections: {
		introduction: 'Wprowadzenie',
		diagnosis: 'Diagnoza sytuacji społecznej',
		forecast: 'Prognoza zmian',
		goals: 'Cele strategiczne i kierunki działań',
		implementation: 'Sposób realizacji, monitoring i ewaluacja',
		'financial-framework': 'Ramy finansowe',
		services: 'Usługi społeczne',
		'ngo-tasks': 'Zadania publiczne zlecane organizacjom pozarządowym',
		participation: 'Udział społeczności w tworzeniu strategii',
		annexes: 'Załączniki'
	},
	tableOfContents: 'Spis treści',
	titlePeriod: 'na lata',
	titleDate: 'Data',
	titleVersion: 'Wersja',
	livePreview: 'podgląd roboczy',
	area: 'Obszar',
	noArea: 'Bez przypisanego obszaru',
	strategicGoal: 'Cel strategiczny',
	specificGoals: 'Cele szczegółowe',
	actionDirections: 'Kierunki działań',
	actionColumns: { number: 'Lp.', description: 'Opis działania', timeframe: 'Harmonogram realizacji', indicator: 'Wskaźnik realizacji działania' },
	involvedEntities: 'Podmioty zaangażowane',
	action: (n) => `Działanie ${n}`,
	responsible: 'Odpowiedzialni',
	funding: 'Źródło finansowania',
	sources: 'Źródła',
	problemTree: 'Drzewo problemów',
	objectiveTree: 'Drzewo celów',
	evidence: 'Dane',
	inactionCards: 'Koszty zaniechania',
	cardColumns: { area: 'Obszar problemowy', text: 'Skutki zaniechania', bearers: 'Kto ponosi koszty', cost: 'Szacowany koszt roczny', horizon: 'Horyzont' },
	yearlyCostTotal: 'Łączny szacowany koszt roczny',
	cardsWithoutEstimate: 'Karty bez obliczonego szacunku',
	largestGaps: 'Największe luki w usługach',
	gapColumns: { group: 'Grupa odbiorców', service: 'Usługa', column: 'Teren / instytucja', gap: 'Luka', priority: 'Priorytet' },
	fullMatrixInAnnex: 'Pełna matryca potrzeb, nisz i luk znajduje się w załącznikach.',
	matrixAnnex: 'Matryca potrzeb, nisz i luk',
	otherGroup: 'Inne',
	indicatorList: 'Wskaźniki realizacji działań',
	indicatorColumns: { action: 'Działanie', name: 'Wskaźnik', unit: 'Jednostka', baseline: 'Wartość bazowa', target: 'Wartość docelowa', source: 'Źródło danych' },
	splitBySex: 'w podziale na kobiety i mężczyzn',
	workshopsHeld: 'Przeprowadzone warsztaty',
	participantsTotal: 'Liczba uczestników',
	bySector: 'Uczestnicy według sektora',
	byInstitution: 'Uczestnicy według instytucji',
	byGender: { title: 'Kobiety i mężczyźni', women: 'kobiety', men: 'mężczyźni', notGiven: 'nie podano' },
	annex: (n) => `Załącznik ${n}`,
	treeRoles: {
		problem: { core: 'Problem główny', cause: 'Przyczyna', effect: 'Skutek' },
		objective: { core: 'Cel główny', cause: 'Środek', effect: 'Rezultat' }
	},
	treeDiagram: {
		legend: {
			problem: { core: 'Problem główny', cause: 'Przyczyny', effect: 'Skutki' },
			objective: { core: 'Cel główny', cause: 'Środki', effect: 'Rezultaty' }
		},
		coreOf: { problem: 'problemu głównego', objective: 'celu głównego' },
		groupOf: (roles, parent) => `${roles} ${parent}`,
		quote: (text) => `„${text}”`,
		emptyBox: '(bez treści)',
		diagram: 'Schemat',
		part: (n, of) => `część ${n} z ${of}`
	},
	workshopColumns: { title: 'Warsztat', date: 'Data', participants: 'Uczestnicy' },
	countColumns: { sector: 'Sektor', institution: 'Instytucja', count: 'Liczba osób' },
	sectors: {
		social_assistance: 'pomoc społeczna',
		labour_market: 'rynek pracy',
		education: 'edukacja',
		health: 'ochrona zdrowia',
		police: 'policja',
		courts: 'sądy',
		culture: 'kultura',
		ngo: 'organizacje pozarządowe',
		social_economy: 'ekonomia społeczna',
		local_government: 'samorząd lokalny',
		other: 'inne'
	},
	noContent: 'Tej części jeszcze nie opracowano.',
	sourceKinds: { treeBox: 'Drzewo', matrixCell: 'Luka w matrycy', matrixRow: 'Usługa w matrycy', inactionCard: 'Karta kosztów zaniechania', missing: 'źródło spoza projektu' },
	bearers: { 'person-family': 'osoba i rodzina', community: 'społeczność', institutions: 'budżety publiczne' },
	horizons: { now: 'teraz', '1-3': '1–3 lata', '3+': 'ponad 3 lata' },
	likelihoods: { low: 'niskie', medium: 'średnie', high: 'wysokie' },
	gaps: { large: 'duża luka', small: 'mała luka', none: 'brak luki', 'no-data': 'brak danych' },
	needs: { none: 'brak', low: 'niska', medium: 'średnia', high: 'wysoka' },
	offers: { none: 'brak', insufficient: 'niewystarczająca', sufficient: 'wystarczająca' }
};

const en: DraftLabels = {
	sections: {
		introduction: 'Introduction',
		diagnosis: 'Diagnosis of the social situation',
		forecast: 'Forecast of changes',
		goals: 'Strategic goals and action directions',
		implementation: 'Implementation, monitoring and evaluation',
		'financial-framework': 'Financial framework',
		services: 'Social services',
		'ngo-tasks': 'Public tasks contracted to NGOs',
		participation: 'Participation in the process',
		annexes: 'Annexes'
	},
	tableOfContents: 'Table of contents',
	titlePeriod: 'for',
	titleDate: 'Date',
	titleVersion: 'Version',
	livePreview: 'working preview',
	area: 'Area',
	noArea: 'No area assigned',
	strategicGoal: 'Strategic goal',
	specificGoals: 'Specific goals',
	actionDirections: 'Action directions',
	actionColumns: { number: 'No.', description: 'Action', timeframe: 'Timeframe', indicator: 'Indicator' },
	involvedEntities: 'Involved entities',
	action: (n) => `Action ${n}`,
	responsible: 'Responsible',
	funding: 'Funding source',
	sources: 'Sources',
	problemTree: 'Problem tree',
	objectiveTree: 'Objective tree',
	evidence: 'Evidence',
	inactionCards: 'Cost of inaction',
	cardColumns: { area: 'Problem area', text: 'Consequences of inaction', bearers: 'Who bears the cost', cost: 'Estimated yearly cost', horizon: 'Horizon' },
	yearlyCostTotal: 'Total estimated yearly cost',
	cardsWithoutEstimate: 'Cards without a computed estimate',
	largestGaps: 'Largest service gaps',
	gapColumns: { group: 'Target group', service: 'Service', column: 'Territory / institution', gap: 'Gap', priority: 'Priority' },
	fullMatrixInAnnex: 'The full need/gap matrix is in the annexes.',
	matrixAnnex: 'Need/gap matrix',
	otherGroup: 'Other',
	indicatorList: 'Action indicators',
	indicatorColumns: { action: 'Action', name: 'Indicator', unit: 'Unit', baseline: 'Baseline', target: 'Target', source: 'Data source' },
	splitBySex: 'split by women and men',
	workshopsHeld: 'Workshops held',
	participantsTotal: 'Participants',
	bySector: 'Participants by sector',
	byInstitution: 'Participants by institution',
	byGender: { title: 'Women and men', women: 'women', men: 'men', notGiven: 'not given' },
	annex: (n) => `Annex ${n}`,
	treeRoles: {
		problem: { core: 'Core problem', cause: 'Cause', effect: 'Effect' },
		objective: { core: 'Core objective', cause: 'Means', effect: 'End' }
	},
	treeDiagram: {
		legend: {
			problem: { core: 'Core problem', cause: 'Causes', effect: 'Effects' },
			objective: { core: 'Core objective', cause: 'Means', effect: 'Ends' }
		},
		coreOf: { problem: 'the core problem', objective: 'the core objective' },
		groupOf: (roles, parent) => `${roles} of ${parent}`,
		quote: (text) => `“${text}”`,
		emptyBox: '(no text)',
		diagram: 'Diagram',
		part: (n, of) => `part ${n} of ${of}`
	},
	workshopColumns: { title: 'Workshop', date: 'Date', participants: 'Participants' },
	countColumns: { sector: 'Sector', institution: 'Institution', count: 'People' },
	sectors: {
		social_assistance: 'social assistance',
		labour_market: 'labour market',
		education: 'education',
		health: 'health care',
		police: 'police',
		courts: 'courts',
		culture: 'culture',
		ngo: 'NGOs',
		social_economy: 'social economy',
		local_government: 'local government',
		other: 'other'
	},
	noContent: 'This part has not been written yet.',
	sourceKinds: { treeBox: 'Tree', matrixCell: 'Matrix gap', matrixRow: 'Matrix service', inactionCard: 'Cost-of-inaction card', missing: 'source outside the draft' },
	bearers: { 'person-family': 'person and family', community: 'community', institutions: 'public budgets' },
	horizons: { now: 'now', '1-3': '1–3 years', '3+': 'over 3 years' },
	likelihoods: { low: 'low', medium: 'medium', high: 'high' },
	gaps: { large: 'large gap', small: 'small gap', none: 'no gap', 'no-data': 'no data' },
	needs: { none: 'none', low: 'low', medium: 'medium', high: 'high' },
	offers: { none: 'none', insufficient: 'insufficient', sufficient: 'sufficient' }
};

const LABELS: Record<DraftLanguage, DraftLabels> = { pl, en };

export function draftLabels(language: DraftLanguage): DraftLabels {
	return LABELS[language] ?? pl;
}
