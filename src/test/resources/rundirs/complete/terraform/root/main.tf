# terraform root module (fixture)
