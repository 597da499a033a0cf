"""The countries and territories the Trafficking in Persons report has narratives for.

`tipdiff check` counts how often a report names each of them, so that another country's
narrative saved in this country's folder is caught (rule TD403).
"""

TIP_PLACES = tuple(
    name.strip()
    for name in """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Aruba;
Australia; Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium;
Belize; Benin; Bhutan; Bolivia; Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria;
Burkina Faso; Burma; Burundi; Cabo Verde; Cambodia; Cameroon; Canada; Central African Republic;
Chad; Chile; China; Colombia; Comoros; Democratic Republic of the Congo; Republic of the Congo;
Costa Rica; Cote d'Ivoire; Croatia; Cuba; Curacao; Cyprus; Czech Republic; Denmark; Djibouti;
Dominica; Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia;
Eswatini; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana; Greece;
Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hong Kong; Hungary; Iceland;
India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kazakhstan; Kenya;
Kiribati; Kosovo; Kuwait; Kyrgyz Republic; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya;
Liechtenstein; Lithuania; Luxembourg; Macau; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia;
Montenegro; Morocco; Mozambique; Namibia; Nauru; Nepal; Netherlands; New Zealand; Nicaragua;
Niger; Nigeria; North Korea; North Macedonia; Norway; Oman; Pakistan; Palau; Panama;
Papua New Guinea; Paraguay; Peru; Philippines; Poland; Portugal; Qatar; Romania; Russia; Rwanda;
St. Kitts and Nevis; St. Lucia; St. Maarten; St. Vincent and the Grenadines; Samoa; San Marino;
Sao Tome and Principe; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore;
Slovakia; Slovenia; Solomon Islands; Somalia; South Africa; South Korea; South Sudan; Spain;
Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand;
Timor-Leste; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey; Turkmenistan; Tuvalu; Uganda;
Ukraine; United Arab Emirates; United Kingdom; United States; Uruguay; Uzbekistan; Vanuatu;
Venezuela; Vietnam; Yemen; Zambia; Zimbabwe
""".split(";")
)
