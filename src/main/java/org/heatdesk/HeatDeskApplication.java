package org.heatdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HeatDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(HeatDeskApplication.class, args);
	}
}
