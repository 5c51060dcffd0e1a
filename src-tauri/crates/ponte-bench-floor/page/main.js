// The page is in the document (a deferred script runs once it is parsed): ponte-bench takes the later of
// this mark and the first paint as the first screen, the same rule as for Ponte's Início.
performance.mark('first-screen');
