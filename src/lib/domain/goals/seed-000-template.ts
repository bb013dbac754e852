import type { GoalsTemplate } from './template';

/**
 * Area V of a county social-policy strategy (seed 000), transcribed from the PDF text with its
 * artefacts removed: footnote markers glued to words ("pracowników1", "działania2",
 * "społecznej3") became footnotes, table cells split across lines and pages were joined, and
 * "I - IV" became "I–IV". The seven action directions serve strategic goal 5 as a whole (the
 * chapter does not assign them to 5.1–5.3), so they hang directly under it.
 * Footnotes: 1 on specific goal 5.1, 2 on the indicator column (the area), 3 on action 5.
 * Footnote 2 asks that indicators about people be split by sex where possible, so the
 * indicators that count people are marked splitBySex.
 */
export const SEED_000_TEMPLATE: GoalsTemplate = {
	area: {
		title: 'Poprawa współpracy oraz jakości usług społecznych w powiecie',
		number: 'V',
		firstGoalNumber: 5,
		entities: [],
		entitiesNote: 'Wszystkie wymienione w obszarach I–IV.',
		footnotes: [
			'Uwaga: tam, gdzie to możliwe, monitoring wskaźników dotyczących osób powinien uwzględniać podział na kobiety i mężczyzn.'
		]
	},
	strategic: [
		{
			text: 'Wzrost skuteczności i efektywności działań w ramach powiatowej polityki społecznej.',
			specific: [
				{
					text: 'Podnoszenie kompetencji pracowników instytucji i organizacji działających w ramach lokalnego systemu pomocy i wsparcia.',
					footnotes: [
						'Pod pojęciem „pracowników” należy w tym przypadku rozumieć również osoby zatrudnione na podstawie umów cywilnoprawnych, osoby pełniące funkcje społecznie (np. członkowie zarządu organizacji pozarządowej) oraz wolontariuszy, którzy wykonują świadczenia na rzecz organizacji uprawnionych do korzystania z takiej pomocy.'
					]
				},
				{
					text: 'Wzmocnienie standardów w zakresie zarządzania jednostkami oraz oferowanych przez nie usług społecznych.'
				},
				{
					text: 'Uzyskanie synergii działań różnych podmiotów dzięki zacieśnieniu współpracy oraz lepszemu jej skoordynowaniu.'
				}
			],
			actions: [
				{
					text: 'Monitorowanie oraz analiza problemów i potrzeb społecznych występujących na terenie powiatu, w szczególności ich skali oraz przyczyn i skutków, umożliwiająca poszukiwanie skuteczniejszych metod radzenia sobie z aktualnymi oraz przyszłymi wyzwaniami społecznymi.',
					timeframe: '2023',
					indicators: [{ name: 'Liczba wykonanych analiz i opracowań dotyczących problemów społecznych.' }]
				},
				{
					text: 'Szkolenie i doskonalenie zawodowe kadr pomocy społecznej z terenu powiatu, w tym poprzez doradztwo metodyczne dla kierowników i pracowników jednostek organizacyjnych.',
					timeframe: '2023',
					indicators: [
						{ name: 'Liczba zorganizowanych szkoleń i spotkań dla kadry pomocy społecznej.' },
						{ name: 'Liczba uczestników.', splitBySex: true }
					]
				},
				{
					text: 'Inicjowanie oraz organizowanie, we współpracy z innymi podmiotami, spotkań roboczych oraz różnych form edukacji (np. szkolenia, wizyty studyjne) o charakterze interdyscyplinarnym, umożliwiającym wymianę informacji i doświadczeń oraz wypracowywanie rozwiązań w różnych obszarach działania.',
					timeframe: '2023',
					indicators: [
						{ name: 'Liczba zorganizowanych interdyscyplinarnych spotkań roboczych oraz różnych form edukacji.' },
						{ name: 'Liczba uczestników.', splitBySex: true }
					]
				},
				{
					text: 'Wdrażanie innowacyjnych metod pracy oraz narzędzi wsparcia dla pracowników lokalnego systemu pomocy i wsparcia w powiecie (np. Terapia Krótkoterminowa Skoncentrowana na Rozwiązaniach, mediacje rodzinne, pomoc psychologiczna i superwizja).',
					timeframe: '2023',
					indicators: [
						{ name: 'Liczba pracowników wykorzystujących innowacyjne metody pracy.', splitBySex: true },
						{ name: 'Liczba pracowników korzystających z pomocy psychologicznej i superwizji.', splitBySex: true }
					]
				},
				{
					text: 'Włączanie lokalnych instytucji, organizacji oraz liderów społecznych, w tym przedstawicieli sektora ekonomii społecznej, do zespołów o charakterze inicjatywnym, konsultacyjnym i opiniodawczym w zakresie planowania oraz realizacji zadań powiatowej polityki społecznej.',
					timeframe: '2023',
					indicators: [
						{ name: 'Liczba instytucji i organizacji uczestniczących w pracach zespołów, w tym liczba podmiotów niepublicznych.' }
					],
					footnotes: [
						'Ważnym obszarem działań umożliwiającym propagowanie różnych metod partycypacji (np. badania ilościowe i jakościowe, warsztaty eksperckie, konsultacje społeczne) jest opracowywanie/aktualizacja, wdrażanie i monitoring strategii rozwiązywania problemów społecznych oraz powiatowych programów w zakresie pomocy społecznej.'
					]
				},
				{
					text: 'Upowszechnianie partnerstw (np. branżowych, międzysektorowych, projektowych) jako metody na skuteczniejsze rozwiązywanie lokalnych problemów społecznych.',
					timeframe: '2023',
					indicators: [
						{
							name: 'Liczba działających oraz nowoutworzonych partnerstw na rzecz rozwiązywania problemów społecznych, w których uczestniczy Samorząd Powiatu Olsztyńskiego.'
						}
					]
				},
				{
					text: 'Poszukiwanie i wdrażanie innowacyjnych rozwiązań w obszarze polityki społecznej uwzględniających doświadczenia innych krajów.',
					timeframe: '2023',
					indicators: [
						{ name: 'Liczba projektów współpracy ponadnarodowej.' },
						{ name: 'Liczba wprowadzonych innowacyjnych rozwiązań.' }
					]
				}
			]
		}
	]
};
