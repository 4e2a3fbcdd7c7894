// Intentionally empty. An assembly file in the package is what allows swiss_view.go to declare
// functions without a body (mapiterinit, mapiternext), whose bodies go:linkname takes from the
// runtime.
