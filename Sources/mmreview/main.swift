print("mmreview: under construction")
