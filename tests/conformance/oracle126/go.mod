module gomaporacle126

go 1.26
