// Imported first by the test setups and the bench, before anything that makes the product's logger (which takes
// its level when it is made): the handlers log every refused request, and tests provoke hundreds.
process.env.LOG_LEVEL ??= 'WARN';
