module gomapbench126

go 1.26
