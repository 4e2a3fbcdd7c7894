// Intentionally empty. An assembly file in the package is what allows runtime_view.go to declare
// a function without a body (runtimeMapclear), whose body go:linkname takes from the runtime.
