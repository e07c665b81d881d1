import KilnCore
print("kiln")
