// Imported first by the global setups, before anything that makes the product's logger (which takes
// its level when it is made): the handlers log every refused request, and tests provoke hundreds.
process.env.LOG_LEVEL ??= 'WARN';
