/**
 * Whether one server's runs are slower than another's beyond run-to-run noise: a one-sided
 * Mann–Whitney test, exact (every split of the pooled runs is enumerated; 5 + 5 runs give 252).
 * Returns the probability of a rank sum at least as large as `slower`'s if both came from the
 * same distribution. Below 0.05 the difference is not noise.
 */
export function slowerRunsPValue(slower, faster) {
	const a = slower.filter(Number.isFinite);
	const b = faster.filter(Number.isFinite);
	if (a.length === 0 || b.length === 0) return null;
	const pooled = [...a, ...b];
	const ranks = rankOf(pooled);
	const observed = sum(ranks.slice(0, a.length));
	let atLeast = 0;
	let total = 0;
	for (const chosen of combinations(pooled.length, a.length)) {
		total++;
		if (sum(chosen.map((i) => ranks[i])) >= observed - 1e-9) atLeast++;
	}
	return atLeast / total;
}

/** Ranks 1..n, ties sharing their mean rank. */
function rankOf(values) {
	const order = values.map((v, i) => [v, i]).sort((x, y) => x[0] - y[0]);
	const ranks = new Array(values.length);
	for (let start = 0; start < order.length; ) {
		let end = start;
		while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
		for (let k = start; k <= end; k++) ranks[order[k][1]] = (start + end) / 2 + 1;
		start = end + 1;
	}
	return ranks;
}

function* combinations(n, k, from = 0, chosen = []) {
	if (chosen.length === k) return yield [...chosen];
	for (let i = from; i <= n - (k - chosen.length); i++) {
		chosen.push(i);
		yield* combinations(n, k, i + 1, chosen);
		chosen.pop();
	}
}

const sum = (xs) => xs.reduce((s, x) => s + x, 0);
