/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
/// A test checks that it lists exactly the routes the server has.
import AufwindCore

enum OpenAPIDocument {
    /// A JSON array of strings, for enums taken from the domain types.
    private static func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Aufwind API",
            "version": "1.0.0",
            "description": "Kommunenverzeichnis und Einträge (Vorhaben, Bedarfe, Angebote, Personal) mit erklärter Partnersuche. Kommunenverzeichnis: alle Gemeinden und Kreise Deutschlands aus dem amtlichen Gemeindeverzeichnis (Destatis GV100AD). Fehler als application/problem+json (RFC 9457) mit deutschem detail.",
            "license": { "name": "Daten: Datenlizenz Deutschland – Namensnennung – Version 2.0", "url": "https://www.govdata.de/dl-de/by-2-0" }
          },
          "servers": [ { "url": "/" } ],
          "paths": {
            "/api/v1/gemeinden": {
              "get": {
                "operationId": "listGemeinden",
                "summary": "Gemeinden suchen, filtern, sortieren",
                "parameters": [
                  { "name": "q", "in": "query", "description": "Suchtext (fehlertolerant)", "schema": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.free))" } },
                  { "name": "land", "in": "query", "description": "Landesschlüssel, 2 Ziffern", "schema": { "type": "string", "pattern": "^[0-9]{2}$" } },
                  { "name": "regbez", "in": "query", "description": "Regierungsbezirksschlüssel, 3 Ziffern", "schema": { "type": "string", "pattern": "^[0-9]{3}$" } },
                  { "name": "kreis", "in": "query", "description": "Kreisschlüssel, 5 Ziffern", "schema": { "type": "string", "pattern": "^[0-9]{5}$" } },
                  { "name": "groesse", "in": "query", "schema": { "type": "string", "enum": ["landgemeinde", "kleine-kleinstadt", "groessere-kleinstadt", "mittelstadt", "grossstadt"] } },
                  { "name": "sort", "in": "query", "description": "Sortierung; '-' davor: absteigend. 'entfernung' misst ab 'von'; ohne 'von' wird nach Namen sortiert.", "schema": { "type": "string", "enum": ["relevanz", "name", "-name", "einwohner", "-einwohner", "flaeche", "-flaeche", "entfernung"] } },
                  { "name": "von", "in": "query", "description": "AGS der Gemeinde, von der aus Entfernungen gemessen werden", "schema": { "type": "string", "pattern": "^[0-9]{8}$" } },
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100000, "default": 1 } },
                  { "name": "per_page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
                ],
                "responses": {
                  "200": { "description": "Eine Seite von Gemeinden", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GemeindeListe" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/gemeinden/{ags}": {
              "get": {
                "operationId": "getGemeinde",
                "summary": "Eine Gemeinde (auch historische)",
                "parameters": [ { "name": "ags", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{8}$" }, "example": "05515000", "description": "Amtlicher Gemeindeschlüssel, 8 Ziffern" } ],
                "responses": {
                  "200": { "description": "Die Gemeinde", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Gemeinde" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/kreise": {
              "get": {
                "operationId": "listKreise",
                "summary": "Alle Kreise und kreisfreien Städte",
                "responses": {
                  "200": { "description": "Die Kreise", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Kreis" } } } } }
                }
              }
            },
            "/api/v1/kreise/{ags5}": {
              "get": {
                "operationId": "getKreis",
                "summary": "Ein Kreis mit seinen Gemeinden",
                "parameters": [ { "name": "ags5", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{5}$" }, "example": "05570", "description": "Kreisschlüssel, 5 Ziffern" } ],
                "responses": {
                  "200": { "description": "Der Kreis", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/KreisDetail" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/laender": {
              "get": {
                "operationId": "listLaender",
                "summary": "Die 16 Länder",
                "responses": {
                  "200": { "description": "Die Länder", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Land" } } } } }
                }
              }
            },
            "/api/v1/kommunen/{key}/profil": {
              "get": {
                "operationId": "getTownProfile",
                "summary": "Das öffentliche Profil einer Kommune (Gemeinde: AGS, Kreis: 5 Ziffern)",
                "parameters": [ { "name": "key", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})$" }, "example": "05570004" } ],
                "responses": {
                  "200": { "description": "Das Profil", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TownProfile" } } } },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "put": {
                "operationId": "updateTownProfile",
                "summary": "Profil ändern (Verwalter der Kommune, mit API-Token); version muss die gelesene sein",
                "security": [ { "apiToken": [] } ],
                "parameters": [ { "name": "key", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})$" }, "example": "05570004" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TownProfileUpdate" } } } },
                "responses": {
                  "200": { "description": "Das gespeicherte Profil", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TownProfile" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Problem" },
                  "413": { "$ref": "#/components/responses/Problem" },
                  "422": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/eintraege": {
              "get": {
                "operationId": "listEintraege",
                "summary": "Öffentliche Vorhaben, Bedarfe und Angebote suchen (alle Suchbegriffe müssen vorkommen) und filtern",
                "parameters": [
                  { "name": "q", "in": "query", "description": "Suchbegriffe", "schema": { "type": "string", "maxLength": 200, "pattern": "\#(SchemaText.json(SchemaText.free))" } },
                  { "name": "art", "in": "query", "schema": { "$ref": "#/components/schemas/Art" } },
                  { "name": "handlungsfeld", "in": "query", "schema": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  { "name": "land", "in": "query", "description": "Landesschlüssel der Kommune, 2 Ziffern", "schema": { "type": "string", "pattern": "^[0-9]{2}$" } },
                  { "name": "groesse", "in": "query", "schema": { "$ref": "#/components/schemas/Groessenklasse" } },
                  { "name": "status", "in": "query", "description": "Stand (nur Vorhaben haben einen)", "schema": { "$ref": "#/components/schemas/Stand" } },
                  { "name": "reichweite", "in": "query", "schema": { "$ref": "#/components/schemas/Reichweite" } },
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 10000, "default": 1 } },
                  { "name": "per_page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
                ],
                "responses": {
                  "200": { "description": "Eine Seite von Einträgen", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EintragListe" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" }
                }
              },
              "post": {
                "operationId": "createEintrag",
                "summary": "Eintrag anlegen (bestätigtes Mitglied der Kommune, mit API-Token)",
                "security": [ { "apiToken": [] } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EintragNeu" } } } },
                "responses": {
                  "201": { "description": "Der angelegte Eintrag", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Eintrag" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "404": { "description": "Unbekannte Kommune", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
                  "413": { "$ref": "#/components/responses/Problem" },
                  "422": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/eintraege/{id}": {
              "get": {
                "operationId": "getEintrag",
                "summary": "Ein öffentlicher, veröffentlichter Eintrag",
                "parameters": [ { "$ref": "#/components/parameters/EintragID" } ],
                "responses": {
                  "200": { "description": "Der Eintrag", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Eintrag" } } } },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "put": {
                "operationId": "updateEintrag",
                "summary": "Eintrag ersetzen (Mitglied der Kommune, mit API-Token); version muss die gelesene sein",
                "security": [ { "apiToken": [] } ],
                "parameters": [ { "$ref": "#/components/parameters/EintragID" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EintragAenderung" } } } },
                "responses": {
                  "200": { "description": "Der gespeicherte Eintrag", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Eintrag" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Problem" },
                  "413": { "$ref": "#/components/responses/Problem" },
                  "422": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/eintraege/{id}/partner": {
              "get": {
                "operationId": "getEintragPartner",
                "summary": "Passende Einträge und Kommunen, jeweils mit Erklärung (Komponenten, Gewichte, Gründe)",
                "parameters": [
                  { "$ref": "#/components/parameters/EintragID" },
                  { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 50, "default": 10 } }
                ],
                "responses": {
                  "200": { "description": "Die Partner", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Partner" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/foerderprogramme": {
              "get": {
                "operationId": "listFoerderprogramme",
                "summary": "Alle Förderprogramme mit Status und Warnungen (abgelaufene Frist, alte Angaben)",
                "responses": { "200": { "description": "Die Programme", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/ProgrammKurz" } } } } } }
              }
            },
            "/api/v1/foerderprogramme/{id}": {
              "get": {
                "operationId": "getFoerderprogramm",
                "summary": "Ein Programm: Angaben, Quellen, Stand, Warnungen und seine Regeln",
                "parameters": [ { "$ref": "#/components/parameters/ProgrammID" } ],
                "responses": {
                  "200": { "description": "Das Programm", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Programm" } } } },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/foerderprogramme/{id}/pruefung": {
              "get": {
                "operationId": "checkFoerderfaehigkeit",
                "summary": "Förderfähigkeit eines Verbunds: Urteil, jede Regel mit deutscher Erklärung, geschätzte Förderung mit Formel",
                "parameters": [
                  { "$ref": "#/components/parameters/ProgrammID" },
                  { "name": "mitglieder", "in": "query", "required": true, "description": "AGS (8 Ziffern) oder Kreisschlüssel (5), durch Kommas getrennt", "schema": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})(,([0-9]{5}|[0-9]{8})){0,99}$" } },
                  { "name": "fuehrung", "in": "query", "description": "Konsortialführung, einer der Mitglieder", "schema": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})$" } },
                  { "name": "kosten", "in": "query", "description": "zuwendungsfähige Ausgaben in Euro", "schema": { "type": "number", "exclusiveMinimum": 0, "maximum": 1000000000000 } }
                ],
                "responses": {
                  "200": { "description": "Das Ergebnis", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pruefung" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/verbuende/{id}": {
              "get": {
                "operationId": "getVerbund",
                "summary": "Ein Verbund mit Mitgliedern und Terminen (für Mitglieder der Kommunen und Anbieter, die dabei sind; mit API-Token)",
                "security": [ { "apiToken": [] } ],
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                "responses": {
                  "200": { "description": "Der Verbund", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Verbund" } } } },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "getOpenAPI",
                "summary": "Dieses Dokument",
                "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            }
          },
          "components": {
            "parameters": {
              "ProgrammID": { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,79}$" }, "example": "ikz-nrw" },
              "EintragID": { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" }, "description": "Kennung des Eintrags" }
            },
            "securitySchemes": {
              "apiToken": { "type": "http", "scheme": "bearer", "description": "Persönliches API-Token (Mein Konto → API-Tokens)" }
            },
            "responses": {
              "Problem": { "description": "Fehler", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
              "BadRequest": { "description": "Ungültiger Parameter", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
              "NotFound": { "description": "Nicht gefunden", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
            },
            "schemas": {
              "ProgrammKurz": {
                "type": "object", "required": ["id", "name", "kurzname", "handlungsfelder", "warnungen"],
                "properties": {
                  "id": { "type": "string" }, "name": { "type": "string" }, "kurzname": { "type": "string" }, "ebene": { "type": "string" },
                  "land": { "type": "string" }, "status": { "type": "string" },
                  "handlungsfelder": { "type": "array", "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "warnungen": { "type": "array", "items": { "type": "string" } }
                }
              },
              "Programm": {
                "type": "object", "required": ["id", "name", "kurzname", "handlungsfelder", "antragsberechtigt", "fristen", "quellen", "warnungen", "regeln"],
                "properties": {
                  "id": { "type": "string" }, "name": { "type": "string" }, "kurzname": { "type": "string" }, "foerdergeber": { "type": "string" },
                  "ebene": { "type": "string" }, "land": { "type": "string" }, "status": { "type": "string" }, "zusammenfassung": { "type": "string" },
                  "handlungsfelder": { "type": "array", "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "antragsberechtigt": { "type": "array", "items": { "type": "string" } }, "fristen": { "type": "array", "items": { "type": "string" } },
                  "quellen": { "type": "array", "items": { "type": "string" } }, "stand": { "type": "string" },
                  "warnungen": { "type": "array", "items": { "type": "string" } },
                  "regeln": { "type": "array", "items": { "type": "object", "required": ["id", "art", "quelle"],
                    "properties": { "id": { "type": "string" }, "art": { "type": "string" }, "quelle": { "type": "string" } } } }
                }
              },
              "Pruefung": {
                "type": "object", "required": ["programm", "urteil", "mitglieder", "esFehltNoch", "regeln"],
                "properties": {
                  "programm": { "type": "string" },
                  "urteil": { "type": "string", "enum": ["foerderfaehig", "nicht-foerderfaehig", "manuell-pruefen"] },
                  "mitglieder": { "type": "array", "items": { "type": "string" } },
                  "esFehltNoch": { "type": "array", "items": { "type": "string" } },
                  "regeln": { "type": "array", "items": { "type": "object", "required": ["regel", "art", "ergebnis", "erklaerung", "quelle"],
                    "properties": { "regel": { "type": "string" }, "art": { "type": "string" },
                      "ergebnis": { "type": "string", "enum": ["erfuellt", "nicht-erfuellt", "manuell", "hinweis", "nicht-anwendbar"] },
                      "erklaerung": { "type": "string" }, "quelle": { "type": "string" } } } },
                  "foerderung": { "type": "number" }, "formel": { "type": "string" }
                }
              },
              "Verbund": {
                "type": "object", "required": ["id", "name", "status", "konsortialfuehrung", "mitglieder", "termine"],
                "properties": {
                  "id": { "type": "string" }, "name": { "type": "string" }, "status": { "type": "string" }, "konsortialfuehrung": { "type": "string" },
                  "programm": { "type": "string" },
                  "mitglieder": { "type": "array", "items": { "type": "object", "required": ["schluessel", "name", "rolle", "status"],
                    "properties": { "schluessel": { "type": "string" }, "name": { "type": "string" }, "rolle": { "type": "string" }, "status": { "type": "string" } } } },
                  "termine": { "type": "array", "items": { "type": "object", "required": ["art", "titel", "faellig", "verantwortlich", "erledigt"],
                    "properties": { "art": { "type": "string" }, "titel": { "type": "string" }, "faellig": { "type": "string" }, "verantwortlich": { "type": "string" }, "erledigt": { "type": "boolean" } } } }
                }
              },
              "Art": { "type": "string", "enum": \#(list(ItemKind.allCases.map(\.rawValue))) },
              "Handlungsfeld": { "type": "string", "enum": \#(list(Handlungsfeld.allCases.map(\.rawValue))) },
              "Unterthema": { "type": "string", "enum": \#(list(Unterthema.all.map(\.id))) },
              "Groessenklasse": { "type": "string", "enum": \#(list(Groessenklasse.allCases.map(\.rawValue))) },
              "Stand": { "type": "string", "enum": \#(list(ItemStatus.allCases.map(\.rawValue))) },
              "Reichweite": { "type": "string", "enum": \#(list(Reach.allCases.map(\.rawValue))) },
              "Sichtbarkeit": { "type": "string", "enum": \#(list(Visibility.allCases.map(\.rawValue))) },
              "EintragKurz": {
                "type": "object", "required": ["id", "art", "titel", "kommune", "kommuneName", "handlungsfelder", "reichweite", "demo"],
                "properties": {
                  "id": { "type": "string" }, "art": { "$ref": "#/components/schemas/Art" }, "titel": { "type": "string" },
                  "kommune": { "type": "string" }, "kommuneName": { "type": "string" },
                  "handlungsfelder": { "type": "array", "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "stand": { "$ref": "#/components/schemas/Stand" }, "reichweite": { "$ref": "#/components/schemas/Reichweite" },
                  "demo": { "type": "boolean", "description": "erzeugte Demo-Daten, nicht von der Kommune" }
                }
              },
              "EintragListe": {
                "type": "object", "required": ["items", "total", "page", "perPage", "pageCount"],
                "properties": {
                  "items": { "type": "array", "items": { "$ref": "#/components/schemas/EintragKurz" } },
                  "total": { "type": "integer" }, "page": { "type": "integer" }, "perPage": { "type": "integer" }, "pageCount": { "type": "integer" }
                }
              },
              "Personal": {
                "type": "object", "required": ["rolle", "stundenProWoche", "dauer", "form"], "additionalProperties": false,
                "properties": {
                  "rolle": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.singleLine))" },
                  "stundenProWoche": { "type": "integer", "minimum": 1, "maximum": 60 },
                  "dauer": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.singleLine))" },
                  "form": { "type": "string", "enum": \#(list(StaffForm.allCases.map(\.rawValue))) },
                  "kostenteilung": { "type": "string", "maxLength": 300, "pattern": "\#(SchemaText.json(SchemaText.optional(SchemaText.singleLine)))" }
                }
              },
              "Eintrag": {
                "type": "object",
                "required": ["id", "kommune", "kommuneName", "art", "titel", "beschreibung", "handlungsfelder", "unterthemen", "reichweite", "groessen", "zeitrahmen", "ansprechperson", "sichtbarkeit", "veroeffentlicht", "demo", "version"],
                "properties": {
                  "id": { "type": "string" }, "kommune": { "type": "string" }, "kommuneName": { "type": "string" },
                  "art": { "$ref": "#/components/schemas/Art" }, "titel": { "type": "string" }, "beschreibung": { "type": "string" },
                  "handlungsfelder": { "type": "array", "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "unterthemen": { "type": "array", "items": { "$ref": "#/components/schemas/Unterthema" } },
                  "stand": { "$ref": "#/components/schemas/Stand" }, "reichweite": { "$ref": "#/components/schemas/Reichweite" },
                  "groessen": { "type": "array", "items": { "$ref": "#/components/schemas/Groessenklasse" } },
                  "zeitrahmen": { "type": "string" }, "ansprechperson": { "type": "string" },
                  "sichtbarkeit": { "$ref": "#/components/schemas/Sichtbarkeit" }, "veroeffentlicht": { "type": "boolean" },
                  "personal": { "$ref": "#/components/schemas/Personal" }, "demo": { "type": "boolean" }, "version": { "type": "integer" },
                  "aktualisiert": { "type": "string", "format": "date-time" }
                }
              },
              "EintragNeu": {
                "description": "Ein neuer Eintrag. Unterthemen bringen ihr Handlungsfeld mit; stand gilt nur für Vorhaben (sonst: idee); personal ist bei Personal-Einträgen Pflicht, sonst wird es ignoriert.",
                "type": "object", "additionalProperties": false,
                "required": ["kommune", "art", "titel", "beschreibung", "handlungsfelder", "reichweite"],
                "properties": {
                  "kommune": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})$", "description": "AGS der Gemeinde oder Schlüssel des Kreises" },
                  "art": { "$ref": "#/components/schemas/Art" },
                  "titel": { "type": "string", "minLength": 3, "maxLength": 120, "pattern": "\#(SchemaText.json(SchemaText.singleLine))" },
                  "beschreibung": { "type": "string", "minLength": 1, "maxLength": 5000, "pattern": "\#(SchemaText.json(SchemaText.multiLine))" },
                  "handlungsfelder": { "type": "array", "minItems": 1, "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "unterthemen": { "type": "array", "items": { "$ref": "#/components/schemas/Unterthema" } },
                  "stand": { "$ref": "#/components/schemas/Stand" },
                  "reichweite": { "$ref": "#/components/schemas/Reichweite" },
                  "groessen": { "type": "array", "items": { "$ref": "#/components/schemas/Groessenklasse" } },
                  "zeitrahmen": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.optional(SchemaText.singleLine)))" },
                  "ansprechperson": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.optional(SchemaText.singleLine)))" },
                  "sichtbarkeit": { "$ref": "#/components/schemas/Sichtbarkeit" },
                  "veroeffentlicht": { "type": "boolean", "default": true },
                  "personal": { "$ref": "#/components/schemas/Personal" }
                },
                "if": { "properties": { "art": { "enum": ["personal-angebot", "personal-bedarf"] } }, "required": ["art"] },
                "then": { "required": ["personal"] }
              },
              "EintragAenderung": {
                "description": "Der ganze Eintrag in seiner neuen Fassung, mit der gelesenen version.",
                "type": "object", "additionalProperties": false,
                "required": ["version", "art", "titel", "beschreibung", "handlungsfelder", "reichweite"],
                "properties": {
                  "version": { "type": "integer", "minimum": 1, "maximum": 2147483647 },
                  "kommune": { "type": "string", "pattern": "^([0-9]{5}|[0-9]{8})$", "description": "darf fehlen; sonst die bisherige Kommune" },
                  "art": { "$ref": "#/components/schemas/Art" },
                  "titel": { "type": "string", "minLength": 3, "maxLength": 120, "pattern": "\#(SchemaText.json(SchemaText.singleLine))" },
                  "beschreibung": { "type": "string", "minLength": 1, "maxLength": 5000, "pattern": "\#(SchemaText.json(SchemaText.multiLine))" },
                  "handlungsfelder": { "type": "array", "minItems": 1, "items": { "$ref": "#/components/schemas/Handlungsfeld" } },
                  "unterthemen": { "type": "array", "items": { "$ref": "#/components/schemas/Unterthema" } },
                  "stand": { "$ref": "#/components/schemas/Stand" },
                  "reichweite": { "$ref": "#/components/schemas/Reichweite" },
                  "groessen": { "type": "array", "items": { "$ref": "#/components/schemas/Groessenklasse" } },
                  "zeitrahmen": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.optional(SchemaText.singleLine)))" },
                  "ansprechperson": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.optional(SchemaText.singleLine)))" },
                  "sichtbarkeit": { "$ref": "#/components/schemas/Sichtbarkeit" },
                  "veroeffentlicht": { "type": "boolean", "default": true },
                  "personal": { "$ref": "#/components/schemas/Personal" }
                },
                "if": { "properties": { "art": { "enum": ["personal-angebot", "personal-bedarf"] } }, "required": ["art"] },
                "then": { "required": ["personal"] }
              },
              "Erklaerung": {
                "type": "array",
                "items": {
                  "type": "object", "required": ["komponente", "bezeichnung", "gewicht", "wert", "grund"],
                  "properties": {
                    "komponente": { "type": "string", "enum": ["thema", "text", "ergaenzung", "struktur", "geografie", "aktivitaet"] },
                    "bezeichnung": { "type": "string" }, "gewicht": { "type": "number" }, "wert": { "type": "number" }, "grund": { "type": "string" }
                  }
                }
              },
              "Partner": {
                "type": "object", "required": ["eintraege", "kommunen"],
                "properties": {
                  "eintraege": { "type": "array", "items": {
                    "type": "object", "required": ["eintrag", "score", "erklaerung"],
                    "properties": { "eintrag": { "$ref": "#/components/schemas/EintragKurz" }, "score": { "type": "number" }, "erklaerung": { "$ref": "#/components/schemas/Erklaerung" } }
                  } },
                  "kommunen": { "type": "array", "items": {
                    "type": "object", "required": ["kommune", "kommuneName", "score", "passendeEintraege", "besterEintrag", "erklaerung"],
                    "properties": {
                      "kommune": { "type": "string" }, "kommuneName": { "type": "string" }, "score": { "type": "number" },
                      "passendeEintraege": { "type": "integer" }, "besterEintrag": { "$ref": "#/components/schemas/EintragKurz" },
                      "erklaerung": { "$ref": "#/components/schemas/Erklaerung" }
                    }
                  } }
                }
              },
              "Problem": {
                "type": "object",
                "required": ["type", "title", "status", "detail"],
                "properties": {
                  "type": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "integer" },
                  "detail": { "type": "string" }, "instance": { "type": "string" }
                }
              },
              "UnitRef": {
                "type": "object", "required": ["schluessel", "name"],
                "properties": { "schluessel": { "type": "string" }, "name": { "type": "string" } }
              },
              "Gemeinde": {
                "type": "object",
                "required": ["ags", "ars", "name", "kurzname", "typ", "groessenklasse", "einwohner", "einwohnerMaennlich", "einwohnerWeiblich", "flaecheKm2", "plz", "mehrerePlz"],
                "properties": {
                  "ags": { "type": "string", "pattern": "^[0-9]{8}$" },
                  "ars": { "type": "string", "pattern": "^[0-9]{12}$" },
                  "name": { "type": "string", "description": "Amtliche Bezeichnung" },
                  "kurzname": { "type": "string" },
                  "typ": { "type": "string" },
                  "groessenklasse": { "type": "string", "enum": ["landgemeinde", "kleine-kleinstadt", "groessere-kleinstadt", "mittelstadt", "grossstadt"] },
                  "einwohner": { "type": "integer" },
                  "einwohnerMaennlich": { "type": "integer" },
                  "einwohnerWeiblich": { "type": "integer" },
                  "flaecheKm2": { "type": "number" },
                  "einwohnerProKm2": { "type": "number" },
                  "plz": { "type": "string" },
                  "mehrerePlz": { "type": "boolean" },
                  "koordinaten": { "type": "object", "required": ["lat", "lon"], "properties": { "lat": { "type": "number" }, "lon": { "type": "number" } } },
                  "land": { "$ref": "#/components/schemas/UnitRef" },
                  "regierungsbezirk": { "$ref": "#/components/schemas/UnitRef" },
                  "kreis": { "$ref": "#/components/schemas/UnitRef" },
                  "gemeindeverband": { "$ref": "#/components/schemas/UnitRef" },
                  "historisch": { "type": "object", "required": ["seit"], "properties": { "seit": { "type": "string" }, "nachfolger": { "type": "string" } } },
                  "entfernungKm": { "type": "number" }
                }
              },
              "GemeindeListe": {
                "type": "object", "required": ["items", "total", "page", "perPage", "pageCount"],
                "properties": {
                  "items": { "type": "array", "items": { "$ref": "#/components/schemas/Gemeinde" } },
                  "total": { "type": "integer" }, "page": { "type": "integer" }, "perPage": { "type": "integer" }, "pageCount": { "type": "integer" }
                }
              },
              "Kreis": {
                "type": "object", "required": ["ags5", "name", "sitz", "gemeinden", "einwohner", "flaecheKm2"],
                "properties": {
                  "ags5": { "type": "string", "pattern": "^[0-9]{5}$" }, "name": { "type": "string" }, "typ": { "type": "string" },
                  "sitz": { "type": "string" }, "land": { "$ref": "#/components/schemas/UnitRef" },
                  "gemeinden": { "type": "integer" }, "einwohner": { "type": "integer" }, "flaecheKm2": { "type": "number" }
                }
              },
              "KreisDetail": {
                "type": "object", "required": ["kreis", "gemeindeListe"],
                "properties": {
                  "kreis": { "$ref": "#/components/schemas/Kreis" },
                  "gemeindeListe": { "type": "array", "items": { "$ref": "#/components/schemas/Gemeinde" } }
                }
              },
              "TownProfile": {
                "type": "object", "required": ["schluessel", "ansprechperson", "email", "website", "beschreibung", "handlungsfelder", "version"],
                "properties": {
                  "schluessel": { "type": "string" }, "ansprechperson": { "type": "string" }, "email": { "type": "string" },
                  "website": { "type": "string" }, "beschreibung": { "type": "string" },
                  "handlungsfelder": { "type": "array", "items": { "type": "string" } }, "version": { "type": "integer" }
                }
              },
              "TownProfileUpdate": {
                "type": "object", "required": ["version"], "additionalProperties": false,
                "properties": {
                  "ansprechperson": { "type": "string", "maxLength": 100, "pattern": "\#(SchemaText.json(SchemaText.freeLine))" },
                  "email": { "type": "string", "maxLength": 254, "pattern": "\#(SchemaText.json(SchemaText.email))" },
                  "website": { "type": "string", "maxLength": 200, "pattern": "\#(SchemaText.json(SchemaText.website))" },
                  "beschreibung": { "type": "string", "maxLength": 2000, "pattern": "\#(SchemaText.json(SchemaText.free))" },
                  "handlungsfelder": { "type": "array", "items": { "type": "string", "enum": ["klima-energie", "mobilitaet", "schule-bildung", "engagement-ehrenamt", "wohnen", "arbeit-wirtschaft", "innenstadt-ortskern", "digitale-verwaltung", "gesundheit-pflege", "kultur-tourismus", "daseinsvorsorge", "sicherheit"] } },
                  "version": { "type": "integer", "minimum": 0, "maximum": 2147483647 }
                }
              },
              "Land": {
                "type": "object", "required": ["schluessel", "name", "sitz", "gemeinden", "kreise", "einwohner", "flaecheKm2"],
                "properties": {
                  "schluessel": { "type": "string" }, "name": { "type": "string" }, "sitz": { "type": "string" },
                  "gemeinden": { "type": "integer" }, "kreise": { "type": "integer" }, "einwohner": { "type": "integer" }, "flaecheKm2": { "type": "number" }
                }
              }
            }
          }
        }
        """#
}
