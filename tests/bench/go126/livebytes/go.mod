module livebytes

go 1.19
